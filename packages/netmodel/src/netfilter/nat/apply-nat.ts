import type { Connection, CtDirection, NatManip } from '../conntrack/connection.js';
import { mustInvert, type Tuple } from '../conntrack/tuple.js';
import type { NfL4, NfPacket } from '../types.js';

/** Whether a packet of direction `dir` needs the `manip` rewrite (nf_nat_packet's status bit, flipped for replies). */
export function needsManip(conn: Connection, dir: CtDirection, manip: NatManip): boolean {
  const srcBit = dir === 'original' ? manip === 'src' : manip === 'dst';
  return srcBit ? conn.srcNat : conn.dstNat;
}

/**
 * nf_nat_packet: rewrites the packet to the connection's mapping. The target is the inverse of the other
 * direction's tuple: a reply of a DNAT'd flow gets its source turned back into the address the client used,
 * a reply of a masqueraded flow gets its destination turned back into the container.
 */
export function applyNat(pkt: NfPacket, conn: Connection, dir: CtDirection, manip: NatManip): void {
  if (!needsManip(conn, dir, manip)) return;
  const target = mustInvert(dir === 'original' ? conn.reply : conn.original);
  rewritePacket(pkt, target, manip);
}

/** nf_nat_ipv4_manip_pkt: sets the source or destination address and port (ICMP: the echo id) from `target`. */
export function rewritePacket(pkt: NfPacket, target: Tuple, manip: NatManip): void {
  const { ip } = pkt;
  const address = manip === 'src' ? target.src : target.dst;
  const port = manip === 'src' ? target.srcPort : target.dstPort;
  const l4 = rewriteL4(pkt.l4, manip, port, target.srcPort);
  if ((manip === 'src' ? ip.src : ip.dst) === address && l4 === pkt.l4) return;
  if (manip === 'src') ip.src = address;
  else ip.dst = address;
  pkt.l4 = l4;
  pkt.dirty = true;
}

// Returns the same object when nothing changes, else a copy: the sender's segment object is never mutated.
function rewriteL4(l4: NfL4, manip: NatManip, port: number, icmpId: number): NfL4 {
  switch (l4.protocol) {
    case 'tcp': {
      const s = l4.segment;
      if ((manip === 'src' ? s.srcPort : s.dstPort) === port) return l4;
      return { protocol: 'tcp', segment: manip === 'src' ? { ...s, srcPort: port } : { ...s, dstPort: port } };
    }
    case 'udp': {
      const d = l4.datagram;
      if ((manip === 'src' ? d.srcPort : d.dstPort) === port) return l4;
      // nf_nat udp_manip_pkt leaves a zero checksum zero.
      return { ...l4, datagram: manip === 'src' ? { ...d, srcPort: port } : { ...d, dstPort: port } };
    }
    case 'icmp':
      return rewriteIcmpId(l4, icmpId);
    default:
      return l4;
  }
}

// icmp_manip_pkt: only query messages carry an id; errors are left alone here (see icmp-error.ts).
function rewriteIcmpId(l4: Extract<NfL4, { protocol: 'icmp' }>, id: number): NfL4 {
  const m = l4.message;
  if (m.kind === 'echo-request' || m.kind === 'echo-reply') {
    return m.identifier === id ? l4 : { protocol: 'icmp', message: { ...m, identifier: id } };
  }
  if (m.kind === 'other' && [13, 14, 15, 16, 17, 18].includes(m.type) && m.rest >>> 16 !== id) {
    return { protocol: 'icmp', message: { ...m, rest: id * 0x10000 + (m.rest & 0xffff) } };
  }
  return l4;
}
