import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/index.js';

describe('ManualClock', () => {
  it('fires timers in due order, then creation order, only when ticked', () => {
    const clock = new ManualClock();
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
});
