import type { TcpSegment } from '@swarmsim/packet';
import { DEFAULT_PEER_MSS, EMPTY } from './segment.js';
import { SendBuffer } from './send-buffer.js';
import { seqAdd, seqDiff, seqGt, seqLe, seqLt } from './seq.js';

/** A data and/or FIN segment the sender wants on the wire. */
export interface Outgoing {
  seq: number;
  payload: Uint8Array;
  fin: boolean;
  /** Last queued byte: set PSH. */
  push: boolean;
}

/**
 * Send side of one connection (RFC 9293 SND.UNA/SND.NXT/SND.WND): what to send next within the peer's
 * window and MSS, and what to retransmit. Sequence numbers are modulo 2^32 throughout.
 */
export class Sender {
  /** Our initial sequence number. */
  iss = 0;
  /** Oldest unacknowledged sequence number. */
  una = 0;
  /** Next sequence number to send (never moves back: retransmissions re-send below it). */
  nxt = 0;
  /** Peer's advertised window, counted from `una`. */
  wnd = 0;
  /** Largest payload per segment: min(our MSS, the peer's). */
  mss: number;
  /** The application called end(): a FIN follows the last queued byte. */
  finQueued = false;
  /** Duplicate ACKs in a row (RFC 5681 §2). */
  dupAcks = 0;
  /** NewReno `recover` (RFC 6582): highest sequence sent when loss recovery began; undefined outside it. */
  recover: number | undefined;
  private wl1 = 0;
  private wl2 = 0;
  // Sequence number the next written byte gets; the FIN takes it once finQueued.
  private writeSeq = 0;
  private readonly buffer = new SendBuffer();

  constructor(ownMss: number) {
    this.mss = ownMss;
  }

  /** Starts at `iss`; our SYN is considered sent. */
  init(iss: number): void {
    this.iss = this.una = iss;
    this.nxt = this.writeSeq = seqAdd(iss, 1);
  }

  /** Takes the peer's MSS option and window from its SYN. */
  peerSyn(syn: TcpSegment): void {
    this.mss = Math.min(this.mss, syn.mss ?? DEFAULT_PEER_MSS);
    this.wnd = syn.window;
    this.wl1 = syn.seq;
    this.wl2 = syn.ack;
  }

  /** Queues application bytes. */
  write(data: Uint8Array): void {
    this.buffer.push(data);
    this.writeSeq = seqAdd(this.writeSeq, data.length);
  }

  /** Our FIN went out. */
  get finSent(): boolean {
    return this.finQueued && seqGt(this.nxt, this.writeSeq);
  }

  /** The peer acknowledged our FIN. */
  get finAcked(): boolean {
    return this.finQueued && seqGt(this.una, this.writeSeq);
  }

  /** Acknowledges something sent and not yet acknowledged. */
  acceptableAck(ack: number): boolean {
    return seqLt(this.una, ack) && seqLe(ack, this.nxt);
  }

  /** Moves `una` to `ack` and forgets the acknowledged bytes. */
  acknowledge(ack: number): void {
    const start = seqAdd(this.writeSeq, -this.buffer.length);
    this.buffer.consume(Math.max(0, seqDiff(ack, start)));
    this.una = ack;
  }

  /** RFC 5681 §2 duplicate ACK: same ack and window, nothing else in it, data outstanding. */
  isDuplicateAck(seg: TcpSegment): boolean {
    const bare = seg.payload.length === 0 && !seg.flags.syn && !seg.flags.fin;
    return bare && seg.ack === this.una && seg.window === this.wnd && this.una !== this.nxt;
  }

  /** Window update of RFC 9293 §3.10.7.4, ignoring segments older than the last update. */
  updateWindow(seg: TcpSegment): void {
    if (seqLt(this.wl1, seg.seq) || (this.wl1 === seg.seq && seqLe(this.wl2, seg.ack))) {
      this.wnd = seg.window;
      this.wl1 = seg.seq;
      this.wl2 = seg.ack;
    }
  }

  /** The next new segment the window allows, or undefined; the caller sends it and calls `sent`. */
  next(): Outgoing | undefined {
    const offset = seqDiff(this.nxt, seqAdd(this.writeSeq, -this.buffer.length));
    const unsent = this.buffer.length - offset;
    const inFlight = seqDiff(this.nxt, this.una);
    if (unsent > 0) {
      const len = Math.min(this.mss, unsent, this.wnd - inFlight);
      if (len <= 0) return undefined;
      // Sender silly-window avoidance (RFC 1122 §4.2.3.4): no runt while data is in flight.
      if (len < this.mss && len < unsent && inFlight > 0) return undefined;
      const last = len === unsent;
      return { seq: this.nxt, payload: this.buffer.read(offset, len), fin: this.finQueued && last, push: last };
    }
    if (this.finQueued && unsent === 0) return { seq: this.nxt, payload: EMPTY, fin: true, push: false };
    return undefined;
  }

  /** Records that `out` (from `next`) went out. */
  sent(out: Outgoing): void {
    this.nxt = seqAdd(out.seq, out.payload.length + (out.fin ? 1 : 0));
  }

  /** The oldest unacknowledged segment (data up to one MSS, or the FIN), for retransmission. */
  head(): Outgoing | undefined {
    const data = Math.min(this.buffer.length, seqDiff(this.nxt, this.una));
    if (data > 0) {
      const len = Math.min(this.mss, data);
      const fin = this.finSent && len === this.buffer.length;
      return { seq: this.una, payload: this.buffer.read(0, len), fin, push: len === this.buffer.length };
    }
    if (this.finSent && !this.finAcked) return { seq: this.una, payload: EMPTY, fin: true, push: false };
    return undefined;
  }
}
