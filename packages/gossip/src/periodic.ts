import type { Clock, Random, TimerHandle } from '@swarmsim/interface';

/** Periodic tasks started after a random stagger in [0, interval), as NetworkDB's triggerFunc. */
export class Periodic {
  private readonly handles: TimerHandle[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly random: Random
  ) {}

  /** Runs `fn` every `ms` after a random first delay, so nodes started together do not tick in lockstep. */
  every(ms: number, fn: () => void): void {
    const first = this.clock.setTimeout(() => {
      fn();
      this.handles.push(this.clock.setInterval(fn, ms));
    }, Math.floor(this.random() * ms));
    this.handles.push(first);
  }

  /** Cancels every task. */
  clear(): void {
    for (const h of this.handles) h.clear();
    this.handles.length = 0;
  }
}
