import { describe, expect, it } from 'vitest';
import { isVirtualClock } from '@swarmsim/interface';
import { ManualClock, realClock } from '../src/index.js';

describe('ManualClock', () => {
  it('fires timers in due order, then creation order, only when ticked', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('c@20'), 20);
    expect(fired).toEqual([]);
    clock.tick(15);
    expect(fired).toEqual(['a@10']);
    expect(clock.now()).toBe(15);
    clock.tick(5);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
  });

  it('sees now() at the due time inside a callback and runs timers created while ticking', () => {
    const clock = new ManualClock(1000);
    const seen: number[] = [];
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 5);
    }, 10);
    clock.tick(100);
    expect(seen).toEqual([1010, 1015]);
    expect(clock.now()).toBe(1100);
  });

  it('repeats intervals and stops them when cleared', () => {
    const clock = new ManualClock();
    let n = 0;
    const h = clock.setInterval(() => n++, 100);
    clock.tick(350);
    expect(n).toBe(3);
    h.clear();
    clock.tick(1000);
    expect(n).toBe(3);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('runAll drains every pending timer', () => {
    const clock = new ManualClock();
    let fired = 0;
    clock.setTimeout(() => fired++, 5000);
    clock.setTimeout(() => fired++, 0);
    expect(clock.runAll()).toBe(5000);
    expect(fired).toBe(2);
  });

  it('starts at a realistic instant by default, or at the configured epoch', () => {
    // A virtual service created at the start of a run must not read as 1970 in `CreatedAt`.
    expect(new Date(new ManualClock().now()).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const epochMs = Date.UTC(2030, 4, 17, 12, 0, 0);
    const clock = new ManualClock({ epochMs });
    clock.tick(250);
    expect(new Date(clock.now()).toISOString()).toBe('2030-05-17T12:00:00.250Z');
  });

  it('declares itself virtual; the real clock does not', () => {
    expect(isVirtualClock(new ManualClock())).toBe(true);
    expect(isVirtualClock(realClock)).toBe(false);
    expect(isVirtualClock({ now: () => 0, setTimeout: realClock.setTimeout, setInterval: realClock.setInterval })).toBe(
      false
    );
  });
});
