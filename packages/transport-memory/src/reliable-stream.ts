import type { Clock, TimerHandle } from '@swarmsim/interface';

/** One message queued on a {@link ReliableStream}. */
export interface StreamEntry {
  due: number;
  /** Delivers the message; returns the error to reject with, or undefined when it was delivered. */
  deliver(): Error | undefined;
  resolve(): void;
  reject(err: Error): void;
}

/**
 * The ordered lane of one (from, to, channel): a FIFO drained by one timer for its head, so delivery
 * order is send order whatever the clock does with equal due times — TCP's in-order guarantee.
 */
export class ReliableStream {
  private readonly queue: StreamEntry[] = [];
  private timer: TimerHandle | undefined;

  constructor(private readonly clock: Clock) {}

  /** Queues a message; it is delivered no earlier than `entry.due` and never before earlier ones. */
  push(entry: StreamEntry): void {
    const last = this.queue[this.queue.length - 1];
    // A later send never overtakes an earlier one, even with a smaller latency drawn.
    if (last !== undefined && entry.due < last.due) entry.due = last.due;
    this.queue.push(entry);
    if (this.timer === undefined) this.arm();
  }

  /** True when nothing is queued (the stream can be forgotten). */
  get idle(): boolean {
    return this.queue.length === 0;
  }

  private arm(): void {
    const head = this.queue[0];
    if (head === undefined) return;
    this.timer = this.clock.setTimeout(() => this.drain(), Math.max(0, head.due - this.clock.now()));
  }

  private drain(): void {
    this.timer = undefined;
    const now = this.clock.now();
    for (let head = this.queue[0]; head !== undefined && head.due <= now; head = this.queue[0]) {
      this.queue.shift();
      const err = head.deliver();
      if (err === undefined) head.resolve();
      else head.reject(err);
    }
    this.arm();
  }
}
