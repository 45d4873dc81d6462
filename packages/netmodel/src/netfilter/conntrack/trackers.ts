import type { TcpSegment } from '@swarmsim/packet';
import type { Connection, CtDirection, ConntrackTcpState } from './connection.js';
import {
  atOrAfterTimeWait,
  tcpFlagsValid,
  tcpIndex,
  tcpStateTimeout,
  tcpTransition,
  type TcpIndex
} from './tcp-states.js';
import type { ConntrackTimeouts } from './timeouts.js';

/**
 * Outcome of a protocol tracker for one packet: accept (state updated), invalid (the packet passes untracked,
 * ctstate INVALID), repeat (the old connection is dead: delete it and track the packet as new) or kill
 * (accept, then delete the entry — a RST answering a SYN).
 */
export type TrackResult = 'accept' | 'invalid' | 'repeat' | 'kill';

/** What a tracker needs besides the connection. */
export interface TrackContext {
  readonly now: number;
  readonly timeouts: ConntrackTimeouts;
  readonly tcpLoose: boolean;
}

/** tcp_new: may this segment open a connection? Sets up the tracker state when it may. */
export function tcpNew(conn: Connection, seg: TcpSegment, ctx: TrackContext): boolean {
  if (!tcpFlagsValid(seg.flags)) return false;
  const next = tcpTransition('original', tcpIndex(seg.flags), 'NONE');
  if (next === 'IV' || next === 'IG') return false;
  // Anything but a SYN is a connection picked up mid-stream; only with nf_conntrack_tcp_loose.
  if (next !== 'SYN_SENT' && !ctx.tcpLoose) return false;
  conn.tcp = {
    state: 'NONE',
    lastIndex: 'none',
    lastDir: undefined,
    closeInit: { original: false, reply: false },
    simultaneousOpen: false
  };
  return true;
}

/** nf_conntrack_tcp_packet without window tracking (as if nf_conntrack_tcp_be_liberal were set). */
export function trackTcp(conn: Connection, dir: CtDirection, seg: TcpSegment, ctx: TrackContext): TrackResult {
  const tcp = conn.tcp;
  if (tcp === undefined || !tcpFlagsValid(seg.flags)) return 'invalid';
  const index = tcpIndex(seg.flags);
  const old = tcp.state;
  let next = tcpTransition(dir, index, old);
  if (next === 'SYN_SENT' && atOrAfterTimeWait(old)) {
    // RFC 1122 reopen from TIME_WAIT/CLOSE: a new SYN after a close or RST starts a new connection.
    if (tcp.closeInit.original || tcp.closeInit.reply || (tcp.lastDir === dir && tcp.lastIndex === 'rst'))
      return 'repeat';
    next = 'IG';
  }
  if (next === 'IG') {
    tcp.lastIndex = index;
    tcp.lastDir = dir;
    return 'accept';
  }
  if (next === 'IV') return 'invalid';
  if (next === 'SYN_SENT2') tcp.simultaneousOpen = true;
  if (next === 'SYN_RECV' && dir === 'reply' && index === 'ack' && tcp.simultaneousOpen) next = 'ESTABLISHED';
  return tcpCommit(conn, dir, index, old, next, ctx);
}

function tcpCommit(
  conn: Connection,
  dir: CtDirection,
  index: TcpIndex,
  old: ConntrackTcpState,
  next: ConntrackTcpState,
  ctx: TrackContext
): TrackResult {
  const tcp = conn.tcp!;
  tcp.lastIndex = index;
  tcp.lastDir = dir;
  tcp.state = next;
  if (old !== next && next === 'FIN_WAIT') tcp.closeInit[dir] = true;
  const t = ctx.timeouts;
  let timeout = index === 'rst' ? t.tcp_timeout_close : tcpStateTimeout(next, t);
  if (!conn.seenReply) {
    // "If only reply is a RST, we can consider ourselves not to have an established connection."
    if (index === 'rst') return 'kill';
    // A retransmitted SYN does not renew the timeout, or port reuse could keep the entry alive forever.
    if (index === 'syn' && old === 'SYN_SENT') return 'accept';
    if (next === 'ESTABLISHED') timeout = Math.min(timeout, t.tcp_timeout_unacknowledged);
  } else if (!conn.assured && (old === 'SYN_RECV' || old === 'ESTABLISHED') && next === 'ESTABLISHED') {
    conn.assured = true;
  }
  conn.refresh(timeout, ctx.now);
  return 'accept';
}

/** nf_conntrack_udp_packet (Linux ≥ 5.x): a reply makes it live; still active 2 s later makes it a stream. */
export function trackUdp(conn: Connection, ctx: TrackContext): TrackResult {
  const t = ctx.timeouts;
  if (!conn.confirmed) conn.udpStreamAt = ctx.now + 2000;
  if (!conn.seenReply) {
    conn.refresh(t.udp_timeout, ctx.now);
    return 'accept';
  }
  const stream = ctx.now > conn.udpStreamAt;
  conn.refresh(stream ? t.udp_timeout_stream : t.udp_timeout, ctx.now);
  if (stream) conn.assured = true;
  return 'accept';
}

/** ICMP queries: every packet refreshes; never ASSURED (so they are the first to go when the table is full). */
export function trackIcmp(conn: Connection, ctx: TrackContext): TrackResult {
  conn.refresh(ctx.timeouts.icmp_timeout, ctx.now);
  return 'accept';
}

/** Protocols without a tracker of their own: one timeout, no state. */
export function trackGeneric(conn: Connection, ctx: TrackContext): TrackResult {
  conn.refresh(ctx.timeouts.generic_timeout, ctx.now);
  return 'accept';
}
