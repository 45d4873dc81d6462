import type { TcpSegment } from '@swarmsim/packet';
import type { Connection } from './connection.js';
import { segmentLength } from './segment.js';
import { seqGt, seqLe } from './seq.js';

/**
 * SEGMENT ARRIVES (RFC 9293 §3.10.7) for an existing connection; LISTEN and "no connection" are the
 * layer's. Whatever ACK the segment calls for is sent once, at the end, by `flush`.
 */
export function segmentArrives(c: Connection, seg: TcpSegment): void {
  if (c.closed) return;
  c.stats.segmentsReceived++;
  if (c.state === 'SYN_SENT') synSentArrives(c, seg);
  else synchronizedArrives(c, seg);
  if (!c.closed) c.flush();
}

function synSentArrives(c: Connection, seg: TcpSegment): void {
  const { flags } = seg;
  const s = c.sender;
  if (flags.ack && !(seqGt(seg.ack, s.iss) && seqLe(seg.ack, s.nxt))) {
    if (!flags.rst) c.sendReset(seg.ack);
    return;
  }
  if (flags.rst) {
    // Only an RST that acknowledges our SYN is believed: the port is closed on the peer.
    if (flags.ack) c.fail(c.resetError());
    return;
  }
  if (!flags.syn) return;
  c.receiver.init(seg.seq);
  s.peerSyn(seg);
  if (!flags.ack) {
    // Simultaneous open: both sides sent SYN.
    c.setState('SYN_RECEIVED');
    c.sendSyn(true);
    return;
  }
  c.onNewAck(seg.ack);
  c.ackPending = true;
  c.established();
}

function synchronizedArrives(c: Connection, seg: TcpSegment): void {
  if (isSimultaneousSynAck(c, seg)) {
    ackArrives(c, seg);
    return;
  }
  if (!c.receiver.acceptable(seg.seq, segmentLength(seg))) {
    unacceptable(c, seg);
    return;
  }
  if (seg.flags.rst) {
    resetArrives(c);
    return;
  }
  if (seg.flags.syn) {
    // A SYN inside the window of a synchronized connection gets a challenge ACK (RFC 5961 §4.2).
    c.ackPending = true;
    return;
  }
  if (!seg.flags.ack || !ackArrives(c, seg)) return;
  textArrives(c, seg);
}

function unacceptable(c: Connection, seg: TcpSegment): void {
  if (seg.flags.rst) return;
  if (c.state === 'SYN_RECEIVED' && seg.flags.syn && !seg.flags.ack && seg.seq === c.receiver.irs) {
    // The client did not get our SYN-ACK and sent its SYN again: answer it again, as Linux does.
    c.sendSyn(true, true);
    return;
  }
  if (c.state === 'TIME_WAIT' && seg.flags.fin) c.restartTimeWait();
  // Old duplicates (a retransmission whose ACK was lost) and out-of-window data get our current ACK.
  c.ackPending = true;
}

// After a simultaneous open the peer's SYN-ACK repeats a SYN we already took; it completes the
// handshake (RFC 9293 figure 8; Linux tcp_validate_incoming lets exactly this one through).
function isSimultaneousSynAck(c: Connection, seg: TcpSegment): boolean {
  const f = seg.flags;
  if (c.state !== 'SYN_RECEIVED' || c.passive || !f.syn || !f.ack || f.rst) return false;
  return seg.seq === c.receiver.irs && seg.ack === c.sender.nxt;
}

function resetArrives(c: Connection): void {
  if (c.state === 'CLOSING' || c.state === 'LAST_ACK' || c.state === 'TIME_WAIT') c.finish();
  else c.fail(c.resetError());
}

/** Returns whether the segment's text and FIN are still to be processed. */
function ackArrives(c: Connection, seg: TcpSegment): boolean {
  const s = c.sender;
  if (c.state === 'SYN_RECEIVED') {
    if (!s.acceptableAck(seg.ack)) {
      c.sendReset(seg.ack);
      return false;
    }
    c.onNewAck(seg.ack);
    s.updateWindow(seg);
    c.established();
    return !c.closed;
  }
  if (seqGt(seg.ack, s.nxt)) {
    // Acknowledges something we never sent.
    c.ackPending = true;
    return false;
  }
  if (seqGt(seg.ack, s.una)) c.onNewAck(seg.ack);
  else if (s.isDuplicateAck(seg)) c.onDupAck();
  s.updateWindow(seg);
  return afterAck(c);
}

function afterAck(c: Connection): boolean {
  const finAcked = c.sender.finAcked;
  switch (c.state) {
    case 'FIN_WAIT_1':
      if (finAcked) c.setState('FIN_WAIT_2');
      return true;
    case 'CLOSING':
      if (finAcked) c.enterTimeWait();
      return false;
    case 'LAST_ACK':
      if (finAcked) c.finish();
      return false;
    case 'TIME_WAIT':
      return false;
    default:
      return true;
  }
}

function textArrives(c: Connection, seg: TcpSegment): void {
  if (seg.payload.length === 0 && !seg.flags.fin) return;
  c.ackPending = true;
  if (c.state !== 'ESTABLISHED' && c.state !== 'FIN_WAIT_1' && c.state !== 'FIN_WAIT_2') return;
  const got = c.receiver.accept(seg.seq, seg.payload, seg.flags.fin);
  for (const chunk of got.data) c.deliver(chunk);
  if (got.fin) c.peerFinished();
}
