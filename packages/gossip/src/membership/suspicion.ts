import type { Clock, TimerHandle } from '@swarmsim/interface';

/**
 * memberlist's suspicion timer: starts at `maxMs` and shrinks toward `minMs` as independent peers confirm
 * the suspicion (log-scaled, `k` confirmations reach the minimum), so a truly failed node is declared dead
 * fast while one slow link alone cannot kill a node quickly.
 */
export class Suspicion {
  private readonly start: number;
  private readonly confirmers: Set<string>;
  private confirmations = 0;
  private timer: TimerHandle;

  /** @param from - the first suspecter, which does not count as a confirmation */
  constructor(
    private readonly clock: Clock,
    from: string,
    private readonly k: number,
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly onTimeout: () => void
  ) {
    this.start = clock.now();
    this.confirmers = new Set([from]);
    this.timer = clock.setTimeout(onTimeout, this.timeout());
  }

  /** Counts an independent confirmation; returns true when it was new (then it is worth re-gossiping). */
  confirm(from: string): boolean {
    if (this.confirmations >= this.k || this.confirmers.has(from)) return false;
    this.confirmers.add(from);
    this.confirmations += 1;
    this.timer.clear();
    const remaining = this.timeout() - (this.clock.now() - this.start);
    this.timer = this.clock.setTimeout(this.onTimeout, Math.max(0, remaining));
    return true;
  }

  /** The current total timeout measured from the start of the suspicion. */
  timeout(): number {
    if (this.k < 1) return this.minMs;
    const frac = Math.log(this.confirmations + 1) / Math.log(this.k + 1);
    return Math.max(this.minMs, Math.floor(this.maxMs - frac * (this.maxMs - this.minMs)));
  }

  /** Cancels the timer (the node was refuted or declared dead otherwise). */
  cancel(): void {
    this.timer.clear();
  }
}
