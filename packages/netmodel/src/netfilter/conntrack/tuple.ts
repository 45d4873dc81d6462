import { IpProtocol } from '@swarmsim/packet';
import type { NfPacket } from '../types.js';

/**
 * One direction of a connection, as nf_conntrack_tuple: protocol, addresses and the per-protocol part.
 * ICMP keeps the echo identifier in `srcPort` and `type << 8 | code` in `dstPort`, like Linux's
 * `src.u.icmp.id` / `dst.u.icmp.{type,code}`; other protocols have both ports 0.
 */
export interface Tuple {
  readonly protocol: number;
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
}

// ICMP query types and their answers (nf_conntrack_proto_icmp.c invmap): echo, timestamp, info, address mask.
const ICMP_INVERSE: ReadonlyMap<number, number> = new Map([
  [8, 0],
  [0, 8],
  [13, 14],
  [14, 13],
  [15, 16],
  [16, 15],
  [17, 18],
  [18, 17]
]);

/** ICMP types that may open a connection (icmp_new's valid_new): the requests. */
export const ICMP_NEW_TYPES: ReadonlySet<number> = new Set([8, 13, 15, 17]);

/** ICMP error types whose payload quotes the packet that caused them (RELATED). */
export const ICMP_ERROR_TYPES: ReadonlySet<number> = new Set([3, 4, 5, 11, 12]);

/** Hash key of a tuple. */
export function tupleKey(t: Tuple): string {
  return `${t.protocol} ${t.src} ${t.dst} ${t.srcPort} ${t.dstPort}`;
}

/** True when both tuples are the same. */
export function tupleEqual(a: Tuple, b: Tuple): boolean {
  return tupleKey(a) === tupleKey(b);
}

/** The tuple of the answering direction; undefined for ICMP types that have no answer. */
export function invertTuple(t: Tuple): Tuple | undefined {
  if (t.protocol === IpProtocol.ICMP) {
    const inverse = ICMP_INVERSE.get(t.dstPort >> 8);
    if (inverse === undefined) return undefined;
    return {
      protocol: t.protocol,
      src: t.dst,
      dst: t.src,
      srcPort: t.srcPort,
      dstPort: (inverse << 8) | (t.dstPort & 0xff)
    };
  }
  return { protocol: t.protocol, src: t.dst, dst: t.src, srcPort: t.dstPort, dstPort: t.srcPort };
}

/** Like {@link invertTuple} for tuples known to be invertible (those already in a connection). */
export function mustInvert(t: Tuple): Tuple {
  const inverted = invertTuple(t);
  if (inverted === undefined) throw new Error(`conntrack: tuple ${tupleKey(t)} has no inverse`);
  return inverted;
}

/** ICMP type and code of a message. */
export function icmpTypeCode(pkt: NfPacket): { type: number; code: number } | undefined {
  if (pkt.l4.protocol !== 'icmp') return undefined;
  const m = pkt.l4.message;
  switch (m.kind) {
    case 'echo-request':
      return { type: 8, code: 0 };
    case 'echo-reply':
      return { type: 0, code: 0 };
    case 'destination-unreachable':
      return { type: 3, code: m.code };
    case 'time-exceeded':
      return { type: 11, code: m.code };
    default:
      return { type: m.type, code: m.code };
  }
}

function icmpIdentifier(pkt: NfPacket): number {
  if (pkt.l4.protocol !== 'icmp') return 0;
  const m = pkt.l4.message;
  if (m.kind === 'echo-request' || m.kind === 'echo-reply') return m.identifier;
  // Timestamp/info/address-mask queries carry the identifier in the high half of the rest-of-header word.
  return m.kind === 'other' ? m.rest >>> 16 : 0;
}

/** The tuple of a packet in its own direction (ICMP errors too: their type/code, id 0). */
export function tupleOf(pkt: NfPacket): Tuple {
  const { ip, l4 } = pkt;
  // Built with one literal shape (no spread): this runs for every tracked packet.
  switch (l4.protocol) {
    case 'tcp':
      return makeTuple(ip.protocol, ip.src, ip.dst, l4.segment.srcPort, l4.segment.dstPort);
    case 'udp':
      return makeTuple(ip.protocol, ip.src, ip.dst, l4.datagram.srcPort, l4.datagram.dstPort);
    case 'icmp': {
      const tc = icmpTypeCode(pkt)!;
      return makeTuple(ip.protocol, ip.src, ip.dst, icmpIdentifier(pkt), (tc.type << 8) | tc.code);
    }
    default:
      return makeTuple(ip.protocol, ip.src, ip.dst, 0, 0);
  }
}

function makeTuple(protocol: number, src: string, dst: string, srcPort: number, dstPort: number): Tuple {
  return { protocol, src, dst, srcPort, dstPort };
}
