/** Inclusive range of IPv4 addresses held as unsigned 32-bit numbers (0 … 2^32-1). */
export interface Ipv4Range {
  readonly start: number;
  readonly end: number;
}

/** An IPv4 prefix as numbers: `start`/`end` are its first and last address. */
export interface Ipv4Prefix extends Ipv4Range {
  readonly prefixLength: number;
}

// Plain arithmetic rather than bitwise operators: JS bitwise results are signed 32-bit, addresses are not.

/** Number of addresses in a prefix of the given length (2^(32-len)). */
export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

/** The prefix of length `prefixLength` that contains `address`. */
export function prefixOf(address: number, prefixLength: number): Ipv4Prefix {
  const size = blockSize(prefixLength);
  const start = Math.floor(address / size) * size;
  return { start, end: start + size - 1, prefixLength };
}

/** Smallest multiple of `block` that is ≥ `value`. */
export function alignUp(value: number, block: number): number {
  return Math.ceil(value / block) * block;
}

/** Dotted-quad text of a numeric IPv4 address. */
export function formatIpv4(address: number): string {
  return [address / 2 ** 24, address / 2 ** 16, address / 2 ** 8, address]
    .map((part) => Math.floor(part) % 256)
    .join('.');
}

/** Numeric value of four octets, most significant first. */
export function octetsToNumber(octets: readonly number[]): number {
  return octets.reduce((acc, octet) => acc * 256 + octet, 0);
}

/** `'a.b.c.d/len'` text of a prefix. */
export function formatPrefix(prefix: Ipv4Prefix): string {
  return `${formatIpv4(prefix.start)}/${prefix.prefixLength}`;
}

/** True when the two ranges share at least one address. */
export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `inner` lies entirely inside `outer`. */
export function rangeContains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
