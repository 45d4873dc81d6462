/** An IPv4 prefix as numbers: first and last address and the prefix length. */
export interface Ipv4Prefix {
  readonly start: number;
  readonly end: number;
  readonly prefixLength: number;
}

// Strict dotted quad like Go's netip: no shorthand, hex, octal or leading zeros.
const OCTET = '(?:0|[1-9]\\d{0,2})';
const DOTTED = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const PREFIX_LENGTH = /^(?:0|[1-9]\d?)$/;

/** Numeric value of a dotted-quad IPv4 address, or undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  if (!DOTTED.test(text)) return undefined;
  const octets = text.split('.').map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

/** Dotted-quad form of a 32-bit address number. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A parsed CIDR plus the address as written (host bits possibly set). */
export interface WrittenPrefix extends Ipv4Prefix {
  readonly written: number;
}

/** Parses `a.b.c.d/len`, or undefined when it is not an IPv4 CIDR. */
export function parseCidr(text: string): WrittenPrefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const written = parseIpv4(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (written === undefined || !PREFIX_LENGTH.test(bits) || Number(bits) > 32) return undefined;
  const prefixLength = Number(bits);
  const size = 2 ** (32 - prefixLength);
  const start = written - (written % size);
  return { start, end: start + size - 1, prefixLength, written };
}

/** `10.0.1.0/24` form of a prefix. */
export function formatPrefix(p: Ipv4Prefix): string {
  return `${formatIpv4(p.start)}/${p.prefixLength}`;
}

/** True when two prefixes share an address. */
export function prefixesOverlap(a: Ipv4Prefix, b: Ipv4Prefix): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `inner` lies entirely inside `outer`. */
export function prefixContains(outer: Ipv4Prefix, inner: Ipv4Prefix): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
