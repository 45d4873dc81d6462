import { bytesToIpv4, IpProtocol } from '@swarmsim/packet';
import type { NfPacket } from '../types.js';
import { ICMP_ERROR_TYPES, icmpTypeCode, invertTuple, type Tuple } from './tuple.js';

/** The packet an ICMP error quotes (RFC 792: its IP header plus at least 8 bytes), or undefined. */
export function icmpErrorQuote(pkt: NfPacket): Uint8Array | undefined {
  if (pkt.l4.protocol !== 'icmp') return undefined;
  const m = pkt.l4.message;
  if (m.kind === 'destination-unreachable' || m.kind === 'time-exceeded') return m.original;
  if (m.kind === 'other' && ICMP_ERROR_TYPES.has(m.type)) return m.data;
  return undefined;
}

/** True for ICMP error messages (destination unreachable, source quench, redirect, time exceeded, parameter problem). */
export function isIcmpError(pkt: NfPacket): boolean {
  const tc = icmpTypeCode(pkt);
  return tc !== undefined && ICMP_ERROR_TYPES.has(tc.type);
}

/** The tuple of a quoted packet as it was sent (ports, or the echo id), or undefined if too short to tell. */
export function quotedTuple(q: Uint8Array): Tuple | undefined {
  if (q.length < 20 || q[0]! >> 4 !== 4) return undefined;
  const ihl = (q[0]! & 0x0f) * 4;
  const protocol = q[9]!;
  const base = { protocol, src: bytesToIpv4(q, 12), dst: bytesToIpv4(q, 16) };
  if (protocol === IpProtocol.TCP || protocol === IpProtocol.UDP) {
    if (q.length < ihl + 4) return undefined;
    return { ...base, srcPort: (q[ihl]! << 8) | q[ihl + 1]!, dstPort: (q[ihl + 2]! << 8) | q[ihl + 3]! };
  }
  if (protocol === IpProtocol.ICMP) {
    if (q.length < ihl + 6) return undefined;
    return { ...base, srcPort: (q[ihl + 4]! << 8) | q[ihl + 5]!, dstPort: (q[ihl]! << 8) | q[ihl + 1]! };
  }
  return { ...base, srcPort: 0, dstPort: 0 };
}

/**
 * nf_conntrack_inet_error: the tuple under which the connection an ICMP error belongs to is found — the inverse
 * of the quoted packet, i.e. the direction the error travels in.
 */
export function relatedLookupTuple(pkt: NfPacket): Tuple | undefined {
  const quote = icmpErrorQuote(pkt);
  if (quote === undefined) return undefined;
  const quoted = quotedTuple(quote);
  return quoted === undefined ? undefined : invertTuple(quoted);
}
