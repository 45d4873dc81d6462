import { describe, expect, it } from 'vitest';
import { AddressBitmap } from '../src/ipam/address-bitmap.js';
import { RangeSet } from '../src/ipam/range-set.js';

describe('AddressBitmap', () => {
  it('tracks set ordinals across chunk boundaries of a /8-sized bitmap', () => {
    const bits = new AddressBitmap(2 ** 24);
    for (const o of [0, 31, 32, 65535, 65536, 2 ** 24 - 1]) expect(bits.add(o)).toBe(true);
    expect(bits.add(65536)).toBe(false);
    expect(bits.count).toBe(6);
    expect([...bits.values()]).toEqual([0, 31, 32, 65535, 65536, 2 ** 24 - 1]);
    expect(bits.countInRange(31, 65536)).toBe(4);
    expect(bits.delete(31)).toBe(true);
    expect(bits.delete(31)).toBe(false);
    expect(bits.has(31)).toBe(false);
    expect(bits.countInRange(0, 2 ** 24 - 1)).toBe(5);
  });

  it('firstClear finds the lowest clear ordinal in a range, skipping full words and chunks', () => {
    const bits = new AddressBitmap(3 * 65536);
    for (let o = 65530; o < 65536 + 100; o++) bits.add(o);
    expect(bits.firstClear(65530, 3 * 65536 - 1)).toBe(65636);
    expect(bits.firstClear(65530, 65635)).toBeUndefined();
    for (let o = 0; o < 65530; o++) bits.add(o);
    expect(bits.firstClear(0, 3 * 65536 - 1)).toBe(65636);
    bits.delete(40);
    expect(bits.firstClear(0, 3 * 65536 - 1)).toBe(40);
    expect(bits.firstClear(41, 3 * 65536 - 1)).toBe(65636);
  });

  it('handles sizes that are not a multiple of 32 (a /31 and a /27)', () => {
    const tiny = new AddressBitmap(2);
    tiny.add(0);
    expect(tiny.firstClear(0, 1)).toBe(1);
    tiny.add(1);
    expect(tiny.firstClear(0, 1)).toBeUndefined();
    const small = new AddressBitmap(32);
    for (let o = 0; o < 32; o++) small.add(o);
    expect(small.firstClear(0, 31)).toBeUndefined();
    expect(small.countInRange(0, 31)).toBe(32);
  });
});

describe('RangeSet', () => {
  it('coalescing set merges neighbours and splits them again on delete', () => {
    const set = new RangeSet({ coalesce: true });
    set.add({ start: 0, end: 9 });
    set.add({ start: 20, end: 29 });
    set.add({ start: 10, end: 19 });
    expect(set.size).toBe(1);
    expect(set.firstOverlap(25, 25)).toEqual({ start: 0, end: 29 });
    set.delete({ start: 10, end: 19 });
    expect(set.size).toBe(2);
    expect(set.firstOverlap(10, 19)).toBeUndefined();
    expect(set.firstOverlap(15, 22)).toEqual({ start: 20, end: 29 });
  });

  it('exact set keeps ranges apart and returns the stored object', () => {
    const set = new RangeSet<{ start: number; end: number; tag: string }>({ coalesce: false });
    set.add({ start: 0, end: 9, tag: 'a' });
    set.add({ start: 10, end: 19, tag: 'b' });
    expect(set.size).toBe(2);
    expect(set.firstOverlap(12, 30)?.tag).toBe('b');
    set.delete({ start: 0, end: 9, tag: 'a' });
    expect(set.firstOverlap(0, 9)).toBeUndefined();
  });
});
