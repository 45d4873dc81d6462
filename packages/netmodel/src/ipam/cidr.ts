import ipaddr from 'ipaddr.js';
import { IpamError } from './errors.js';
import {
  blockSize,
  formatIpv4,
  formatPrefix,
  octetsToNumber,
  prefixOf,
  rangesOverlap,
  type Ipv4Prefix
} from './ipv4-math.js';

/** An IPv4 CIDR split into its network address (host bits cleared) and prefix length. */
export interface ParsedCidr {
  readonly network: string;
  readonly prefixLength: number;
}

/** A parsed CIDR as numbers, plus the address exactly as written (host bits possibly set). */
export interface WrittenPrefix extends Ipv4Prefix {
  readonly written: number;
}

// Strict dotted quad like Go's netip: no shorthand ("10.1"), hex, octal or leading zeros.
const PREFIX_LENGTH = /^(?:0|[1-9]\d?)$/;

/** Numeric value of a dotted-quad IPv4 address; IPAM_ERR_INVALID_ADDRESS otherwise. */
export function parseIpv4(ip: string): number {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) {
    throw new IpamError({ code: 'IPAM_ERR_INVALID_ADDRESS', ip });
  }
  return octetsToNumber(ipaddr.IPv4.parse(ip).octets);
}

/** Parses `'a.b.c.d/len'` keeping the written address; IPAM_ERR_INVALID_CIDR on bad syntax or IPv6. */
export function parseWrittenPrefix(cidr: string): WrittenPrefix {
  const slash = cidr.indexOf('/');
  const addr = slash < 0 ? cidr : cidr.slice(0, slash);
  const bits = slash < 0 ? '' : cidr.slice(slash + 1);
  if (ipaddr.IPv6.isValid(addr)) {
    throw new IpamError({ code: 'IPAM_ERR_INVALID_CIDR', cidr, reason: 'ipv6' });
  }
  const prefixLength = Number(bits);
  if (!ipaddr.IPv4.isValidFourPartDecimal(addr) || !PREFIX_LENGTH.test(bits) || prefixLength > 32) {
    throw new IpamError({ code: 'IPAM_ERR_INVALID_CIDR', cidr, reason: 'syntax' });
  }
  const written = octetsToNumber(ipaddr.IPv4.parse(addr).octets);
  return { ...prefixOf(written, prefixLength), written };
}

/**
 * Parses a CIDR that must name a network: Docker ≥ 25 refuses host bits in `--subnet`
 * ("invalid subnet 172.30.1.5/16: it should be 172.30.0.0/16", daemon/network.go validateIpamConfig).
 */
export function parseNetworkPrefix(cidr: string): Ipv4Prefix {
  const parsed = parseWrittenPrefix(cidr);
  if (parsed.written !== parsed.start) {
    const expected = formatPrefix(parsed);
    throw new IpamError({ code: 'IPAM_ERR_INVALID_CIDR', cidr, reason: 'host-bits', expected });
  }
  return { start: parsed.start, end: parsed.end, prefixLength: parsed.prefixLength };
}

/** Splits an IPv4 CIDR into network address and prefix length: `'10.0.1.7/24'` → `{ '10.0.1.0', 24 }`. */
export function parseCidr(cidr: string): ParsedCidr {
  const p = parseWrittenPrefix(cidr);
  return { network: formatIpv4(p.start), prefixLength: p.prefixLength };
}

/** The CIDR with host bits cleared: `'10.0.1.7/24'` → `'10.0.1.0/24'`. */
export function canonicalCidr(cidr: string): string {
  return formatPrefix(parseWrittenPrefix(cidr));
}

/** True when the IPv4 address `ip` lies inside `cidr`. */
export function cidrContains(cidr: string, ip: string): boolean {
  const p = parseWrittenPrefix(cidr);
  const address = parseIpv4(ip);
  return p.start <= address && address <= p.end;
}

/** True when the two CIDRs share at least one address (one contains the other). */
export function cidrsOverlap(a: string, b: string): boolean {
  return rangesOverlap(parseWrittenPrefix(a), parseWrittenPrefix(b));
}

/** Dotted netmask of a prefix length: `24` → `'255.255.255.0'`. */
export function prefixToNetmask(prefixLength: number): string {
  if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) {
    throw new IpamError({ code: 'IPAM_ERR_INVALID_CIDR', cidr: `/${prefixLength}`, reason: 'syntax' });
  }
  return formatIpv4(2 ** 32 - blockSize(prefixLength));
}

/** Last address of the CIDR (all host bits set): `'10.0.1.0/24'` → `'10.0.1.255'`; for /32 the address itself. */
export function broadcastAddress(cidr: string): string {
  return formatIpv4(parseWrittenPrefix(cidr).end);
}
