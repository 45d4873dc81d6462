/** Opaque handle of a timer created by a {@link Clock}. */
export interface TimerHandle {
  /** Cancels the timer; a no-op when it already fired or was cleared. */
  clear(): void;
}

/**
 * Time as the core sees it. Core code never reads `Date.now()` or the global timers: the runtime
 * passes a real clock, tests pass a virtual clock and advance time explicitly.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch (a virtual clock starts at a configurable instant). */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds (0 = at the next opportunity, after the current call returns). */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Runs `fn` every `ms` milliseconds until cleared. */
  setInterval(fn: () => void, ms: number): TimerHandle;
  /** True for a clock whose time moves only when it is told to (see {@link VirtualClock}). */
  readonly virtual?: boolean;
}

/**
 * A clock whose time stands still until `tick()`: what the in-process runtime runs on. Code that must move time
 * itself (a cluster waiting for convergence) asks {@link isVirtualClock} instead of checking a class.
 */
export interface VirtualClock extends Clock {
  readonly virtual: true;
  /** Advances time by `ms`, firing every timer that falls due, timers they create included. */
  tick(ms?: number): void;
  /** Fires timers in order until none is left or `maxMs` passed; returns the time advanced. */
  runAll(maxMs?: number): number;
  /** Number of timers still waiting to fire. */
  pendingTimers(): number;
}

/** True when `clock` is virtual: nothing happens on it unless someone ticks it. */
export function isVirtualClock(clock: Clock): clock is VirtualClock {
  return clock.virtual === true;
}
