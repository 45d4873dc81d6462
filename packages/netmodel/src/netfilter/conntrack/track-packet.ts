import type { NfPacket } from '../types.js';
import { Connection, type CtDirection } from './connection.js';
import type { Conntrack, ConntrackHit } from './conntrack.js';
import { isIcmpError, relatedLookupTuple } from './related.js';
import {
  tcpNew,
  trackGeneric,
  trackIcmp,
  trackTcp,
  trackUdp,
  type TrackContext,
  type TrackResult
} from './trackers.js';
import { ICMP_NEW_TYPES, invertTuple, tupleOf, type Tuple } from './tuple.js';

/** Conntrack state of a packet, as `-m conntrack --ctstate` sees it. */
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID';

/** What conntrack attached to a packet (skb->_nfct and ctinfo). */
export interface PacketCt {
  readonly conn: Connection | undefined;
  readonly dir: CtDirection;
  readonly state: CtState;
}

const INVALID: PacketCt = { conn: undefined, dir: 'original', state: 'INVALID' };

/**
 * nf_conntrack_in: finds or creates (unconfirmed) the connection of a packet and runs its protocol tracker.
 * 'DROP' when a new connection finds the table full and nothing can be evicted.
 */
export function trackPacket(ct: Conntrack, pkt: NfPacket, now: number): PacketCt | 'DROP' {
  if (isIcmpError(pkt)) return trackRelated(ct, pkt);
  const ctx: TrackContext = { now, timeouts: ct.timeouts, tcpLoose: ct.tcpLoose };
  const tuple = tupleOf(pkt);
  const hit = ct.lookup(tuple);
  if (hit !== undefined) {
    const result = trackExisting(ct, hit, pkt, ctx);
    if (result !== 'repeat') return result;
  }
  return trackNew(ct, tuple, pkt, ctx);
}

function trackRelated(ct: Conntrack, pkt: NfPacket): PacketCt {
  const t = relatedLookupTuple(pkt);
  const hit = t === undefined ? undefined : ct.lookup(t);
  if (hit === undefined) return INVALID;
  return { conn: hit.conn, dir: hit.dir, state: 'RELATED' };
}

function trackExisting(ct: Conntrack, hit: ConntrackHit, pkt: NfPacket, ctx: TrackContext): PacketCt | 'repeat' {
  const { conn, dir } = hit;
  const state = dir === 'reply' || conn.seenReply ? 'ESTABLISHED' : 'NEW';
  const result = runTracker(conn, dir, pkt, ctx);
  if (result === 'invalid') return INVALID;
  if (result === 'repeat') {
    ct.remove(conn);
    return 'repeat';
  }
  // Linux sets IPS_SEEN_REPLY after the tracker ran, so the first reply itself is still judged as unreplied.
  if (dir === 'reply') conn.seenReply = true;
  if (result === 'kill') ct.remove(conn);
  return { conn, dir, state };
}

function trackNew(ct: Conntrack, tuple: Tuple, pkt: NfPacket, ctx: TrackContext): PacketCt | 'DROP' {
  const reply = invertTuple(tuple);
  if (reply === undefined) return INVALID;
  // init_conntrack allocates (and may find the table full) before the protocol decides whether it is valid.
  if (!ct.makeRoom()) return 'DROP';
  const conn = new Connection(tuple, reply);
  if (!mayOpen(conn, pkt, ctx)) return INVALID;
  if (runTracker(conn, 'original', pkt, ctx) !== 'accept') return INVALID;
  return { conn, dir: 'original', state: 'NEW' };
}

function mayOpen(conn: Connection, pkt: NfPacket, ctx: TrackContext): boolean {
  switch (pkt.l4.protocol) {
    case 'tcp':
      return tcpNew(conn, pkt.l4.segment, ctx);
    case 'icmp':
      return ICMP_NEW_TYPES.has(conn.original.dstPort >> 8);
    default:
      return true;
  }
}

function runTracker(conn: Connection, dir: CtDirection, pkt: NfPacket, ctx: TrackContext): TrackResult {
  switch (pkt.l4.protocol) {
    case 'tcp':
      return trackTcp(conn, dir, pkt.l4.segment, ctx);
    case 'udp':
      return trackUdp(conn, ctx);
    case 'icmp':
      return trackIcmp(conn, ctx);
    default:
      return trackGeneric(conn, ctx);
  }
}
