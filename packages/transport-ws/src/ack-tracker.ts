/** A reliable send waiting for its acknowledgement. */
export interface Pending {
  resolve(): void;
  reject(err: Error): void;
}

interface Unacked extends Pending {
  sentAt: number;
}

/**
 * The reliable messages of one connection that were sent but not yet acknowledged, oldest first, with
 * the ack timeout that gives up on a connection that stopped answering (as TCP's retransmission limit).
 */
export class AckTracker {
  private readonly unacked = new Map<number, Unacked>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onTimeout: () => void
  ) {}

  /** Messages sent and not yet acknowledged. */
  get size(): number {
    return this.unacked.size;
  }

  /** Records message `seq` as sent now. */
  add(seq: number, pending: Pending): void {
    this.unacked.set(seq, { ...pending, sentAt: performance.now() });
    if (this.timer === undefined) this.arm(this.timeoutMs);
  }

  /** Settles every message up to `highestSeq`: refused ones reject with `refusedError()`, the rest resolve. */
  ack(highestSeq: number, refused: readonly number[], refusedError: () => Error): void {
    const refusedSet = new Set(refused);
    for (const [seq, pending] of this.unacked) {
      if (seq > highestSeq) break;
      this.unacked.delete(seq);
      if (refusedSet.has(seq)) pending.reject(refusedError());
      else pending.resolve();
    }
    // The running timer re-checks the new oldest when it fires; re-arming per ack would cost a timer per frame.
    if (this.unacked.size === 0) this.stop();
  }

  /** Rejects every outstanding message and stops the timer. */
  failAll(err: () => Error): void {
    this.stop();
    const all = [...this.unacked.values()];
    this.unacked.clear();
    for (const pending of all) pending.reject(err());
  }

  /** Stops the timer. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private rearm(): void {
    this.stop();
    const oldest = this.unacked.values().next();
    if (oldest.done !== true) this.arm(Math.max(0, oldest.value.sentAt + this.timeoutMs - performance.now()));
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const oldest = this.unacked.values().next();
      if (oldest.done === true) return;
      if (performance.now() - oldest.value.sentAt >= this.timeoutMs) this.onTimeout();
      else this.rearm();
    }, ms);
  }
}
