import type { TcpFlags, TcpSegment } from '@swarmsim/packet';
import { seqAdd } from './seq.js';

/** Shared empty payload (never written to). */
export const EMPTY = new Uint8Array(0);

/** MSS assumed when a SYN carries no MSS option (RFC 9293 §3.7.1: 536 for IPv4). */
export const DEFAULT_PEER_MSS = 536;

/** Full flag set from the ones given; the rest are false. */
export function tcpFlags(set: Partial<TcpFlags>): TcpFlags {
  return { fin: false, syn: false, rst: false, psh: false, ack: false, urg: false, ...set };
}

/** Sequence space a segment occupies: its payload plus one for SYN and one for FIN. */
export function segmentLength(seg: TcpSegment): number {
  return seg.payload.length + (seg.flags.syn ? 1 : 0) + (seg.flags.fin ? 1 : 0);
}

/**
 * The RST answering a segment that reached no connection and no listener (RFC 9293 §3.10.7.1, as Linux's
 * tcp_v4_send_reset): `undefined` for an incoming RST, which is never answered.
 */
export function resetFor(seg: TcpSegment): TcpSegment | undefined {
  if (seg.flags.rst) return undefined;
  const base = { srcPort: seg.dstPort, dstPort: seg.srcPort, window: 0, urgentPointer: 0, payload: EMPTY };
  if (seg.flags.ack) return { ...base, seq: seg.ack, ack: 0, flags: tcpFlags({ rst: true }) };
  return { ...base, seq: 0, ack: seqAdd(seg.seq, segmentLength(seg)), flags: tcpFlags({ rst: true, ack: true }) };
}
