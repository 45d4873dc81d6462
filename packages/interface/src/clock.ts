/** Opaque handle of a timer created by a {@link Clock}. */
export interface TimerHandle {
  /** Cancels the timer; a no-op when it already fired or was cleared. */
  clear(): void;
}

/**
 * Time as the core sees it. Core code never reads `Date.now()` or the global timers: the runtime
 * passes a real clock, tests pass `ManualClock` and advance virtual time explicitly.
 */
export interface Clock {
  /** Milliseconds since an arbitrary epoch (the Unix epoch for the real clock). */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds (0 = at the next opportunity, after the current call returns). */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Runs `fn` every `ms` milliseconds until cleared. */
  setInterval(fn: () => void, ms: number): TimerHandle;
}
