import { cidrRefusal, parseCidr, type WrittenPrefix } from '../cidr.js';
import { parseIpv4 } from '../ipv4.js';
import { formatPrefix, type Ipv4Prefix } from '../prefix.js';
import { IpamError } from './errors.js';

// The IPAM reads addresses and CIDRs with the package's one grammar and reports them with its own codes.

/** Numeric value of a dotted-quad IPv4 address; IPAM_ERR_INVALID_ADDRESS otherwise. */
export function ipamAddress(ip: string): number {
  const value = parseIpv4(ip);
  if (value === undefined) throw new IpamError({ code: 'IPAM_ERR_INVALID_ADDRESS', ip });
  return value;
}

/** Parses `'a.b.c.d/len'` keeping the written address; IPAM_ERR_INVALID_CIDR on bad syntax or IPv6. */
export function parseWrittenPrefix(cidr: string): WrittenPrefix {
  const parsed = parseCidr(cidr);
  if (parsed !== undefined) return parsed;
  throw new IpamError({ code: 'IPAM_ERR_INVALID_CIDR', cidr, reason: cidrRefusal(cidr) });
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
