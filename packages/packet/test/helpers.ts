import { expect } from 'vitest';
import { PacketError, type PacketErrorCode } from '../src/index.js';

/** Bytes from a hex string; whitespace is ignored so fixtures can be laid out like a hex dump. */
export function hex(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Lowercase hex of `bytes`, for readable comparisons against fixtures. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What `fn` threw, or undefined. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

/** Asserts that `fn` throws a PacketError with `code`, and returns it for further checks. */
export function expectPacketError(fn: () => unknown, code: PacketErrorCode): PacketError {
  const err = thrownBy(fn);
  expect(err).toBeInstanceOf(PacketError);
  expect((err as PacketError).code).toBe(code);
  return err as PacketError;
}

/** A copy of `bytes` with the byte at `index` XORed with `mask`. */
export function flipped(bytes: Uint8Array, index: number, mask = 0x01): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ mask;
  return copy;
}
