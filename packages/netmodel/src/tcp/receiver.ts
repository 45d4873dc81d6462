import { Reassembly } from './reassembly.js';
import { seqAdd, seqDiff } from './seq.js';

/** What one acceptable segment gave the application. */
export interface Accepted {
  /** In-order bytes, ready for `data` events. */
  data: Uint8Array[];
  /** The peer's FIN was reached in order by this segment. */
  fin: boolean;
}

/**
 * Receive side of one connection (RFC 9293 RCV.NXT/RCV.WND). The application consumes data as soon as
 * it is delivered, so the advertised window is always the configured one. Out-of-order segments inside
 * the window are buffered (like Linux's ofo queue) and every segment is ACKed at once by the caller.
 */
export class Receiver {
  /** The peer's initial sequence number. */
  irs = 0;
  /** Next sequence number expected from the peer. */
  nxt = 0;
  /** The peer's FIN has been reached in order. */
  finReceived = false;
  // Sequence number of the peer's FIN once seen, even out of order.
  private finSeq: number | undefined;
  private readonly ofo = new Reassembly();

  constructor(
    /** Window we advertise and accept into. */
    readonly window: number
  ) {}

  /** Starts from the peer's initial sequence number (its SYN occupies one number). */
  init(irs: number): void {
    this.irs = irs;
    this.nxt = seqAdd(irs, 1);
  }

  /** Segment acceptability test of RFC 9293 §3.10.7.4 (`len` counts SYN and FIN). */
  acceptable(seq: number, len: number): boolean {
    const start = seqDiff(seq, this.nxt);
    if (len === 0) return start >= 0 && start < this.window;
    const end = start + len - 1;
    return (start >= 0 && start < this.window) || (end >= 0 && end < this.window);
  }

  /** Takes an acceptable segment's payload and FIN; trims what was already received or lies beyond the window. */
  accept(seq: number, payload: Uint8Array, fin: boolean): Accepted {
    if (this.finReceived) return { data: [], fin: false };
    let start = seq;
    let data = payload;
    const dup = seqDiff(this.nxt, start);
    if (dup > 0) {
      data = data.subarray(Math.min(dup, data.length));
      start = seqAdd(start, Math.min(dup, payload.length));
    }
    const room = this.window - seqDiff(start, this.nxt);
    const fits = data.length <= room;
    if (!fits) data = data.subarray(0, Math.max(0, room));
    // A FIN beyond the window is dropped with the bytes it follows; the peer will send it again.
    if (fin && fits) this.finSeq = seqAdd(seq, payload.length);
    const out: Uint8Array[] = [];
    if (start === this.nxt) this.takeInOrder(data, out);
    else this.ofo.insert(start, data);
    return { data: out, fin: this.reachFin() };
  }

  private takeInOrder(data: Uint8Array, out: Uint8Array[]): void {
    if (data.length > 0) out.push(data);
    this.nxt = seqAdd(this.nxt, data.length);
    const drained = this.ofo.drain(this.nxt);
    out.push(...drained.chunks);
    this.nxt = drained.next;
  }

  private reachFin(): boolean {
    if (this.finSeq !== this.nxt) return false;
    this.nxt = seqAdd(this.finSeq, 1);
    this.finReceived = true;
    return true;
  }
}
