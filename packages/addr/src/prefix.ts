import { AddrError } from './errors.js';
import { formatIpv4 } from './ipv4.js';

/** Inclusive range of IPv4 addresses held as unsigned 32-bit numbers (0 … 2^32-1). */
export interface Ipv4Range {
  readonly start: number;
  readonly end: number;
}

/** An IPv4 prefix as numbers: `start`/`end` are its first (network) and last (broadcast) address. */
export interface Ipv4Prefix extends Ipv4Range {
  readonly prefixLength: number;
}

// Plain arithmetic rather than bitwise operators: JS bitwise results are signed 32-bit, addresses are not.

/**
 * A prefix length written as text, or undefined: decimal 0–32 without a leading zero, sign or whitespace
 * (`/08` and `/033` are refused, like Go's netip.ParsePrefix).
 */
export function parsePrefixLength(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 2) return undefined;
  const c0 = text.charCodeAt(0) - 0x30;
  if (c0 < 0 || c0 > 9) return undefined;
  if (n === 1) return c0;
  const c1 = text.charCodeAt(1) - 0x30;
  if (c0 === 0 || c1 < 0 || c1 > 9) return undefined;
  const value = c0 * 10 + c1;
  return value <= 32 ? value : undefined;
}

/** Throws ADDR_ERR_INVALID_PREFIX_LENGTH unless `prefixLength` is an integer 0–32. */
export function checkPrefixLength(prefixLength: number): void {
  if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) {
    throw new AddrError({ code: 'ADDR_ERR_INVALID_PREFIX_LENGTH', prefixLength });
  }
}

/** Number of addresses in a prefix of the given length (2^(32-len)). */
export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

/** Netmask of a prefix length as an unsigned 32-bit number: `24` → 0xffffff00, `0` → 0. */
export function prefixMask(prefixLength: number): number {
  return 2 ** 32 - blockSize(prefixLength);
}

/** Prefix length of a contiguous netmask (`0xffff0000` → 16), or -1 for a non-contiguous one. */
export function maskPrefixLength(mask: number): number {
  const m = mask >>> 0;
  // Contiguous ⇔ the inverted mask is 2^k - 1, i.e. inverted + 1 is a power of two (or 2^32).
  const hostBits = 32 - Math.clz32(~m >>> 0);
  return prefixMask(32 - hostBits) === m ? 32 - hostBits : -1;
}

/** The prefix of length `prefixLength` that contains `address` (its network and broadcast address). */
export function prefixOf(address: number, prefixLength: number): Ipv4Prefix {
  const size = blockSize(prefixLength);
  const start = Math.floor(address / size) * size;
  return { start, end: start + size - 1, prefixLength };
}

/** Smallest multiple of `block` that is ≥ `value`. */
export function alignUp(value: number, block: number): number {
  return Math.ceil(value / block) * block;
}

/** `'a.b.c.d/len'` text of a prefix (its network address). */
export function formatPrefix(prefix: Ipv4Prefix): string {
  return `${formatIpv4(prefix.start)}/${prefix.prefixLength}`;
}

/** True when the two ranges (or prefixes) share at least one address. */
export function prefixesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `inner` lies entirely inside `outer` (ranges or prefixes). */
export function prefixContains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
