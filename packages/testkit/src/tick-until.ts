import { WaitForTimeoutError } from './wait-for.js';

/** A clock that a test moves by hand (`ManualClock`, or anything with the same two methods). */
export interface TickableClock {
  tick(ms: number): void;
  now(): number;
}

/** Options of {@link tickUntil}. */
export interface TickUntilOptions {
  /** What is awaited, for the timeout error ("every node sees n3 dead"). */
  what: string;
  /** Give up after this much virtual time. @default 5000 */
  timeoutMs?: number;
  /** Virtual time per step; the predicate is checked before each step. @default 10 */
  stepMs?: number;
}

/**
 * Ticks `clock` `stepMs` at a time until `done()` holds, and returns the virtual time that took; throws
 * {@link WaitForTimeoutError} (TESTKIT_ERR_WAIT_TIMEOUT, naming `what` and the bound) once `timeoutMs` passed.
 * The virtual-time twin of {@link waitFor}: a failed wait fails the test with what it waited for.
 */
export function tickUntil(clock: TickableClock, done: () => boolean, options: TickUntilOptions): number {
  const { what, timeoutMs = 5000, stepMs = 10 } = options;
  const start = clock.now();
  while (clock.now() - start <= timeoutMs) {
    if (done()) return clock.now() - start;
    clock.tick(stepMs);
  }
  throw new WaitForTimeoutError(
    { code: 'TESTKIT_ERR_WAIT_TIMEOUT', what, timeoutMs },
    `tickUntil: ${what} not reached within ${timeoutMs} ms of virtual time`
  );
}
