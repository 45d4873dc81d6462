import { AddrError } from './errors.js';
import { formatIpv4, ipv4ToUint32, isIpv6, parseIpv4 } from './ipv4.js';
import {
  checkPrefixLength,
  formatPrefix,
  parsePrefixLength,
  prefixesOverlap,
  prefixMask,
  prefixOf,
  type Ipv4Prefix
} from './prefix.js';

/** A parsed CIDR as numbers, plus the address exactly as written (host bits possibly set). */
export interface WrittenPrefix extends Ipv4Prefix {
  readonly written: number;
}

/**
 * Parses `a.b.c.d/len`, or undefined when `text` is not an IPv4 CIDR: the address in the {@link parseIpv4}
 * grammar, then `/` and a prefix length 0–32 without leading zeros. Host bits may be set (`written` keeps
 * them; `start` is the network address).
 */
export function parseCidr(text: string): WrittenPrefix | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const written = parseIpv4(text.slice(0, slash));
  const prefixLength = parsePrefixLength(text.slice(slash + 1));
  if (written === undefined || prefixLength === undefined) return undefined;
  return { ...prefixOf(written, prefixLength), written };
}

/** True when `text` is an IPv4 CIDR in the {@link parseCidr} grammar (host bits allowed). */
export function isCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** Why `text`, refused by {@link parseCidr}, is not an IPv4 CIDR: an IPv6 one, or anything else. */
export function cidrRefusal(text: string): 'ipv6' | 'syntax' {
  const slash = text.indexOf('/');
  return isIpv6(slash < 0 ? text : text.slice(0, slash)) ? 'ipv6' : 'syntax';
}

/** {@link parseCidr} that throws ADDR_ERR_INVALID_CIDR (`reason` `ipv6` for an IPv6 CIDR, else `syntax`). */
export function cidrToPrefix(cidr: string): WrittenPrefix {
  const parsed = parseCidr(cidr);
  if (parsed !== undefined) return parsed;
  const text = String(cidr);
  throw new AddrError({ code: 'ADDR_ERR_INVALID_CIDR', cidr: text, reason: cidrRefusal(text) });
}

/** The CIDR with host bits cleared: `'10.0.1.7/24'` → `'10.0.1.0/24'`. */
export function canonicalCidr(cidr: string): string {
  return formatPrefix(cidrToPrefix(cidr));
}

/** True when the IPv4 address `ip` lies inside `cidr`. */
export function cidrContains(cidr: string, ip: string): boolean {
  const p = cidrToPrefix(cidr);
  const address = ipv4ToUint32(ip);
  return p.start <= address && address <= p.end;
}

/** True when the two CIDRs share at least one address (one contains the other). */
export function cidrsOverlap(a: string, b: string): boolean {
  return prefixesOverlap(cidrToPrefix(a), cidrToPrefix(b));
}

/** Dotted netmask of a prefix length: `24` → `'255.255.255.0'`; ADDR_ERR_INVALID_PREFIX_LENGTH outside 0–32. */
export function prefixToNetmask(prefixLength: number): string {
  checkPrefixLength(prefixLength);
  return formatIpv4(prefixMask(prefixLength));
}

/** First address of the CIDR (host bits cleared): `'10.0.1.7/24'` → `'10.0.1.0'`. */
export function networkAddress(cidr: string): string {
  return formatIpv4(cidrToPrefix(cidr).start);
}

/** Last address of the CIDR (all host bits set): `'10.0.1.0/24'` → `'10.0.1.255'`; for /32 the address itself. */
export function broadcastAddress(cidr: string): string {
  return formatIpv4(cidrToPrefix(cidr).end);
}
