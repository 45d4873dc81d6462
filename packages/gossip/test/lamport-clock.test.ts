import { describe, it, expect } from 'vitest';
import { LamportClock } from '../src/index.js';

describe('LamportClock', () => {
  it('increments for local events', () => {
    const c = new LamportClock();
    expect([c.increment(), c.increment()]).toEqual([1, 2]);
    expect(c.time()).toBe(2);
  });

  it('witnessing a newer time orders the next local event after it', () => {
    const c = new LamportClock(3);
    c.witness(10);
    expect(c.increment()).toBeGreaterThan(10);
  });

  it('witnessing an older time changes nothing', () => {
    const c = new LamportClock(10);
    c.witness(4);
    expect(c.time()).toBe(10);
  });
});
