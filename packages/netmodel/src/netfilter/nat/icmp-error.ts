import { internetChecksum, IpProtocol, ipv4ToBytes } from '@swarmsim/packet';
import type { Connection, CtDirection, NatManip } from '../conntrack/connection.js';
import { icmpErrorQuote } from '../conntrack/related.js';
import { mustInvert, type Tuple } from '../conntrack/tuple.js';
import type { NfPacket } from '../types.js';
import { needsManip } from './apply-nat.js';

/**
 * nf_nat_icmp_reply_translation: an ICMP error about a NATed connection gets both its quoted packet and its
 * outer header translated, so the host that sent the original sees an error about the packet it really sent.
 */
export function translateIcmpError(pkt: NfPacket, conn: Connection, dir: CtDirection, manip: NatManip): void {
  if (!needsManip(conn, dir, manip) || pkt.l4.protocol !== 'icmp') return;
  const quote = icmpErrorQuote(pkt);
  if (quote === undefined) return;
  // The quoted packet travelled the other way, so it is mapped to that direction's tuple with the other manip.
  const innerTarget = dir === 'original' ? conn.reply : conn.original;
  const rewritten = rewriteQuote(quote, innerTarget, manip === 'src' ? 'dst' : 'src');
  const outer = mustInvert(innerTarget);
  if (manip === 'src') pkt.ip.src = outer.src;
  else pkt.ip.dst = outer.dst;
  const m = pkt.l4.message;
  if (m.kind === 'destination-unreachable' || m.kind === 'time-exceeded') {
    pkt.l4 = { protocol: 'icmp', message: { ...m, original: rewritten } };
  } else if (m.kind === 'other') {
    pkt.l4 = { protocol: 'icmp', message: { ...m, data: rewritten } };
  }
  pkt.dirty = true;
}

/** RFC 1624 incremental checksum update for one 16-bit word changing from `from` to `to`. */
function csumUpdate(check: number, from: number, to: number): number {
  let sum = (~check & 0xffff) + (~from & 0xffff) + to;
  sum = (sum & 0xffff) + (sum >>> 16);
  sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function word(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

function setWord(b: Uint8Array, at: number, value: number): void {
  b[at] = value >> 8;
  b[at + 1] = value & 0xff;
}

/** Changes the word at `at` and patches the checksum at `csumAt` (if it is inside the quote and in use). */
function patchWord(b: Uint8Array, at: number, value: number, csumAt: number | undefined): void {
  const old = word(b, at);
  setWord(b, at, value);
  if (csumAt === undefined || csumAt + 2 > b.length) return;
  const check = word(b, csumAt);
  if (check !== 0) setWord(b, csumAt, csumUpdate(check, old, value));
}

/** Where the L4 checksum of a quoted packet sits, when the kernel would update it (full header quoted). */
function l4ChecksumAt(b: Uint8Array, ihl: number): number | undefined {
  const protocol = b[9]!;
  if (protocol === IpProtocol.UDP && b.length >= ihl + 8) return ihl + 6;
  if (protocol === IpProtocol.TCP && b.length >= ihl + 20) return ihl + 16;
  return undefined;
}

/** Rewrites a quoted IPv4 packet's address and port (or echo id), fixing its header and L4 checksums. */
export function rewriteQuote(quote: Uint8Array, target: Tuple, manip: NatManip): Uint8Array {
  const b = quote.slice();
  const ihl = (b[0]! & 0x0f) * 4;
  if (b.length < 20 || b.length < ihl) return b;
  const protocol = b[9]!;
  // The pseudo-header of TCP/UDP covers the addresses, so an address change patches their checksum too.
  const pseudoCsum = protocol === IpProtocol.ICMP ? undefined : l4ChecksumAt(b, ihl);
  const addr = ipv4ToBytes(manip === 'src' ? target.src : target.dst);
  const addrAt = manip === 'src' ? 12 : 16;
  patchWord(b, addrAt, (addr[0]! << 8) | addr[1]!, pseudoCsum);
  patchWord(b, addrAt + 2, (addr[2]! << 8) | addr[3]!, pseudoCsum);
  setWord(b, 10, 0);
  setWord(b, 10, internetChecksum(b, 0, 0, ihl));
  if ((protocol === IpProtocol.TCP || protocol === IpProtocol.UDP) && b.length >= ihl + 4) {
    patchWord(b, manip === 'src' ? ihl : ihl + 2, manip === 'src' ? target.srcPort : target.dstPort, pseudoCsum);
  } else if (protocol === IpProtocol.ICMP && b.length >= ihl + 6 && (b[ihl] === 8 || b[ihl] === 0)) {
    patchWord(b, ihl + 4, target.srcPort, ihl + 2);
  }
  return b;
}
