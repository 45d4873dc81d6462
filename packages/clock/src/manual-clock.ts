import type { TimerHandle, VirtualClock } from '@swarmsim/interface';

/**
 * Where virtual time starts unless told otherwise: a fixed, realistic instant (2026-01-01T00:00:00Z), so
 * timestamps such as a service's `CreatedAt` read like real ones, and every run starts at the same time.
 */
export const DEFAULT_VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

/** Options of {@link ManualClock}. */
export interface ManualClockOptions {
  /** The initial `now()`, in ms since the Unix epoch. @default DEFAULT_VIRTUAL_EPOCH_MS */
  epochMs?: number;
}

interface Timer {
  id: number;
  due: number;
  interval: number | undefined;
  fn: () => void;
  cancelled: boolean;
}

/**
 * Virtual time for deterministic tests: nothing happens until `tick()` is called, then every timer due
 * within the window fires in (due time, creation order) — the same run every time.
 */
export class ManualClock implements VirtualClock {
  readonly virtual = true;
  private current: number;
  private nextId = 0;
  private readonly timers: Timer[] = [];

  /** @param start - the initial `now()` in ms, or options; @default {@link DEFAULT_VIRTUAL_EPOCH_MS} */
  constructor(start: number | ManualClockOptions = {}) {
    this.current = typeof start === 'number' ? start : (start.epochMs ?? DEFAULT_VIRTUAL_EPOCH_MS);
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, undefined);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    // A zero interval would fire forever within one tick.
    return this.add(fn, ms, Math.max(1, ms));
  }

  /** Number of timers still waiting to fire. */
  pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Advances virtual time by `ms`, firing every timer that falls due, timers they create included. */
  tick(ms = 0): void {
    if (ms < 0) throw new RangeError('ManualClock.tick: ms must be >= 0');
    const end = this.current + ms;
    for (;;) {
      const next = this.popDue(end);
      if (next === undefined) break;
      this.current = Math.max(this.current, next.due);
      if (next.interval !== undefined) {
        next.due += next.interval;
        this.insert(next);
      }
      next.fn();
    }
    this.current = end;
  }

  /** Fires timers in order until none is left or `maxMs` of virtual time passed; returns the time advanced. */
  runAll(maxMs = 3_600_000): number {
    const start = this.current;
    while (this.pendingTimers() > 0 && this.current - start < maxMs) {
      const next = this.timers.find((t) => !t.cancelled);
      if (next === undefined) break;
      this.tick(Math.max(0, Math.min(next.due, start + maxMs) - this.current));
    }
    return this.current - start;
  }

  private add(fn: () => void, ms: number, interval: number | undefined): TimerHandle {
    const timer: Timer = { id: this.nextId++, due: this.current + Math.max(0, ms), interval, fn, cancelled: false };
    this.insert(timer);
    return {
      clear: () => {
        timer.cancelled = true;
        const i = this.timers.indexOf(timer);
        if (i >= 0) this.timers.splice(i, 1);
      }
    };
  }

  private insert(timer: Timer): void {
    // Keep sorted by (due, id); binary search keeps large timer sets cheap.
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.timers[mid]!;
      if (t.due < timer.due || (t.due === timer.due && t.id < timer.id)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
  }

  private popDue(end: number): Timer | undefined {
    const first = this.timers[0];
    if (first === undefined || first.due > end) return undefined;
    this.timers.shift();
    return first;
  }
}
