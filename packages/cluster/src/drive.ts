import { isVirtualClock, type Clock } from '@swarmsim/interface';

// Promise chains started by a delivery (a join resolving, then the next send) need a few microtask turns.
const MICROTASK_TURNS = 20;

/** Lets pending promise callbacks run. */
export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < MICROTASK_TURNS; i++) await Promise.resolve();
}

/** Moves time forward by `ms`: a virtual clock ticks at once, any other clock is waited on. */
export async function advance(clock: Clock, ms: number): Promise<void> {
  if (isVirtualClock(clock)) {
    clock.tick(ms);
    await flushMicrotasks();
  } else {
    await new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  }
}

/** Awaits `promise` while advancing the clock in `stepMs` steps (a ManualClock would otherwise never move). */
export async function settle<T>(clock: Clock, promise: Promise<T>, stepMs: number, maxMs: number): Promise<T> {
  let done = false;
  const tracked = promise.finally(() => (done = true));
  tracked.catch(() => {});
  await flushMicrotasks();
  for (let spent = 0; !done && spent < maxMs; spent += stepMs) await advance(clock, stepMs);
  return tracked;
}
