import { describe, expect, it } from 'vitest';
import { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from '../../src/tcp/seq.js';

describe('sequence arithmetic modulo 2^32', () => {
  const top = 2 ** 32 - 10;

  it('adds across the wrap and stays unsigned', () => {
    expect(seqAdd(top, 25)).toBe(15);
    expect(seqAdd(5, -10)).toBe(2 ** 32 - 5);
    expect(seqAdd(0, 0)).toBe(0);
  });

  it('measures the signed distance across the wrap', () => {
    expect(seqDiff(15, top)).toBe(25);
    expect(seqDiff(top, 15)).toBe(-25);
    expect(seqDiff(7, 7)).toBe(0);
  });

  it('orders numbers on either side of the wrap', () => {
    expect([seqLt(top, 15), seqLe(top, 15), seqGt(15, top), seqGe(15, top)]).toEqual([true, true, true, true]);
    expect([seqLt(15, top), seqGt(top, 15)]).toEqual([false, false]);
    expect([seqLe(9, 9), seqGe(9, 9), seqLt(9, 9), seqGt(9, 9)]).toEqual([true, true, false, false]);
  });
});
