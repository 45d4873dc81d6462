import type { Clock, Random, TimerHandle } from '@swarmsim/interface';

/** Periodic tasks started after a random stagger in [0, interval), as NetworkDB's triggerFunc. */
export class Periodic {
  private readonly handles: TimerHandle[] = [];
  private generation = 0;

  constructor(
    private readonly clock: Clock,
    private readonly random: Random
  ) {}

  /** Runs `fn` every `ms` after a random first delay, so nodes started together do not tick in lockstep. */
  every(ms: number, fn: () => void): void {
    const first = this.clock.setTimeout(
      () => {
        fn();
        this.handles.push(this.clock.setInterval(fn, ms));
      },
      Math.floor(this.random() * ms)
    );
    this.handles.push(first);
  }

  /**
   * Runs `fn` after a random first delay in [0, baseMs), then again each `interval()` ms, re-read before every
   * wait (memberlist's pushPullTrigger: the period follows the cluster size).
   */
  everyScaled(baseMs: number, interval: () => number, fn: () => void): void {
    const slot = this.handles.length;
    const generation = this.generation;
    const schedule = (delay: number): void => {
      this.handles[slot] = this.clock.setTimeout(() => {
        fn();
        // fn may have stopped everything (clear()); then nothing is rescheduled.
        if (this.generation === generation) schedule(interval());
      }, delay);
    };
    schedule(Math.floor(this.random() * baseMs));
  }

  /** Cancels every task. */
  clear(): void {
    for (const h of this.handles) h.clear();
    this.handles.length = 0;
    this.generation++;
  }
}
