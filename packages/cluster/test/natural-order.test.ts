import { describe, expect, it } from 'vitest';
import { compareNatural } from '../src/natural-order.js';

describe('compareNatural (fvbommel/sortorder NaturalLess, as docker node ls sorts)', () => {
  it('orders digit runs by value, fewer leading zeros first, digits before other characters', () => {
    const sorted = ['', '0', '00', '1', '01', '2', '10', 'a', 'a0', 'a1', 'a01', 'a2', 'a10', 'b'];
    const shuffled = ['a10', '01', 'b', '', 'a01', '2', '00', 'a', '10', 'a2', '1', 'a0', '0', 'a1'];
    expect(shuffled.sort(compareNatural)).toEqual(sorted);
  });

  it('sorts hostnames as an operator expects', () => {
    const hosts = ['node-10', 'node-2', 'worker-1', 'node-1', 'manager', 'node-11b', 'node-11a'];
    expect(hosts.sort(compareNatural)).toEqual([
      'manager',
      'node-1',
      'node-2',
      'node-10',
      'node-11a',
      'node-11b',
      'worker-1'
    ]);
    expect(compareNatural('node-3', 'node-3')).toBe(0);
  });
});
