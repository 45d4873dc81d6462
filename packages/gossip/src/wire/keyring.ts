import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Random } from '@swarmsim/interface';
import { GossipError } from '../errors.js';

const KEY_BYTES = 32; // AES-256
const NONCE_BYTES = 12; // GCM standard nonce
const TAG_BYTES = 16;
const FRAME_VERSION = 1; // memberlist encryption version byte: 1 = GCM without padding
/** Bytes a sealed frame adds to its plaintext: version, nonce and tag. */
export const SEAL_OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;
/** Swarm rotates gossip keys with three in flight (previous, current, next). */
export const MAX_KEYS = 3;

/**
 * The cluster's gossip keys (AES-256-GCM, as Swarm encrypts memberlist traffic). The first key seals every
 * outgoing frame; all keys are tried on receipt, so a new key can be installed everywhere before it becomes
 * primary and the old one removed after.
 */
export class Keyring {
  private keys: Uint8Array[];
  private noncePrefix: Uint8Array | undefined;
  private nonceCounter = 0n;

  /** @param keys - 1 to 3 keys of 32 bytes; the first is primary */
  constructor(keys: readonly Uint8Array[]) {
    this.keys = Keyring.check([...keys]);
  }

  /** Copies of the keys, primary first. */
  list(): Uint8Array[] {
    return this.keys.map((k) => k.slice());
  }

  /** Adds a receive-only key (at most 3 in all). */
  install(key: Uint8Array): void {
    if (this.indexOf(key) >= 0) return;
    this.keys = Keyring.check([...this.keys, key]);
  }

  /** Makes an installed (or new) key the primary one. */
  use(key: Uint8Array): void {
    const rest = this.keys.filter((k) => !sameKey(k, key));
    this.keys = Keyring.check([key, ...rest]);
  }

  /** Removes a key; the keyring never becomes empty. */
  remove(key: Uint8Array): void {
    this.keys = Keyring.check(this.keys.filter((k) => !sameKey(k, key)));
  }

  /**
   * Encrypts and authenticates `plain` with the primary key. GCM must never reuse a nonce under one key, so the
   * nonce is a 4-byte prefix from the OS CSPRNG, drawn once per keyring (a seeded RNG would repeat it when a node
   * restarts under the same id), plus a 64-bit counter. Only ciphertext bytes depend on it, never behaviour, so
   * seeded runs still replay event for event. `_random` is kept for callers; it is not used for nonces.
   */
  seal(plain: Uint8Array, _random?: Random): Uint8Array {
    const nonce = this.nextNonce();
    const cipher = createCipheriv('aes-256-gcm', this.keys[0]!, nonce);
    const body = cipher.update(plain);
    const final = cipher.final();
    const out = new Uint8Array(SEAL_OVERHEAD + plain.length);
    out[0] = FRAME_VERSION;
    out.set(nonce, 1);
    out.set(body, 1 + NONCE_BYTES);
    out.set(final, 1 + NONCE_BYTES + body.length);
    out.set(cipher.getAuthTag(), out.length - TAG_BYTES);
    return out;
  }

  /** The plaintext of a frame sealed with any key of the ring, or undefined if none authenticates it. */
  open(frame: Uint8Array): Uint8Array | undefined {
    if (frame.length < SEAL_OVERHEAD || frame[0] !== FRAME_VERSION) return undefined;
    const nonce = frame.subarray(1, 1 + NONCE_BYTES);
    const body = frame.subarray(1 + NONCE_BYTES, frame.length - TAG_BYTES);
    const tag = frame.subarray(frame.length - TAG_BYTES);
    for (const key of this.keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce);
        decipher.setAuthTag(tag);
        const plain = decipher.update(body);
        const final = decipher.final();
        return final.length === 0 ? new Uint8Array(plain) : new Uint8Array(Buffer.concat([plain, final]));
      } catch {
        // wrong key or tampered frame: try the next key
      }
    }
    return undefined;
  }

  private nextNonce(): Uint8Array {
    this.noncePrefix ??= new Uint8Array(randomBytes(4));
    const nonce = new Uint8Array(NONCE_BYTES);
    nonce.set(this.noncePrefix);
    new DataView(nonce.buffer).setBigUint64(4, this.nonceCounter);
    this.nonceCounter = (this.nonceCounter + 1n) & 0xffffffffffffffffn;
    return nonce;
  }

  private indexOf(key: Uint8Array): number {
    return this.keys.findIndex((k) => sameKey(k, key));
  }

  private static check(keys: Uint8Array[]): Uint8Array[] {
    if (keys.length === 0 || keys.length > MAX_KEYS || keys.some((k) => k.length !== KEY_BYTES)) {
      throw new GossipError({ code: 'GOSSIP_ERR_INVALID_KEYRING', keys: keys.length }, 'gossip: invalid keyring');
    }
    return keys.map((k) => k.slice());
  }
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
