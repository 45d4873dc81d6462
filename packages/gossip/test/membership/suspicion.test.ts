import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { Suspicion } from '../../src/membership/suspicion.js';

function fireTime(k: number, confirmAt: Array<[number, string]>): number {
  const clock = new ManualClock(0);
  let firedAt = -1;
  const s = new Suspicion(clock, 'first', k, 4000, 24_000, () => (firedAt = clock.now()));
  for (const [at, from] of confirmAt) {
    clock.tick(at - clock.now());
    s.confirm(from);
  }
  clock.tick(30_000);
  return firedAt;
}

describe('Suspicion', () => {
  it('without confirmations fires at the maximum timeout', () => {
    expect(fireTime(2, [])).toBe(24_000);
  });

  it('k independent confirmations shrink it to the minimum', () => {
    expect(
      fireTime(2, [
        [100, 'b'],
        [200, 'c']
      ])
    ).toBe(4000);
  });

  it('one confirmation of two lands in between, log-scaled', () => {
    const t = fireTime(2, [[100, 'b']]);
    expect(t).toBeGreaterThan(4000);
    expect(t).toBeLessThan(24_000);
    // memberlist: max − log(2)/log(3)·(max − min)
    expect(t).toBe(Math.floor(24_000 - (Math.log(2) / Math.log(3)) * 20_000));
  });

  it('repeated or original suspecters do not count', () => {
    expect(
      fireTime(2, [
        [100, 'first'],
        [200, 'b'],
        [300, 'b']
      ])
    ).toBe(fireTime(2, [[200, 'b']]));
  });

  it('with k = 0 (tiny clusters) fires at the minimum', () => {
    expect(fireTime(0, [])).toBe(4000);
  });

  it('a confirmation after the shrunk deadline fires at once', () => {
    expect(
      fireTime(2, [
        [100, 'b'],
        [10_000, 'c']
      ])
    ).toBe(10_000);
  });
});
