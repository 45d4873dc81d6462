import { describe, expect, it } from 'vitest';
import { tickUntil, WaitForTimeoutError } from '../src/index.js';

/** The smallest clock tickUntil accepts: anything that ticks and tells the time. */
function counterClock() {
  let t = 0;
  return {
    tick: (ms: number) => void (t += ms),
    now: () => t
  };
}

describe('tickUntil', () => {
  it('ticks in steps until the predicate holds and returns the virtual time it took', () => {
    const clock = counterClock();
    expect(tickUntil(clock, () => clock.now() >= 95, { what: 't ≥ 95', stepMs: 10 })).toBe(100);
    expect(tickUntil(clock, () => true, { what: 'at once' })).toBe(0);
    // The bound itself is still checked.
    expect(tickUntil(clock, () => clock.now() >= 200, { what: 't ≥ 200', timeoutMs: 100, stepMs: 50 })).toBe(100);
  });

  it('throws TESTKIT_ERR_WAIT_TIMEOUT naming what it waited for and for how long', () => {
    const clock = counterClock();
    let err: unknown;
    try {
      tickUntil(clock, () => false, { what: 'n3 dead everywhere', timeoutMs: 300, stepMs: 100 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WaitForTimeoutError);
    expect((err as WaitForTimeoutError).type).toEqual({
      code: 'TESTKIT_ERR_WAIT_TIMEOUT',
      what: 'n3 dead everywhere',
      timeoutMs: 300
    });
    expect(clock.now()).toBe(400);
  });
});
