import { describe, it, expect } from 'vitest';
import { BroadcastQueue } from '../src/broadcast-queue.js';

describe('BroadcastQueue', () => {
  it('sends each broadcast exactly `limit` times, then forgets it', () => {
    const q = new BroadcastQueue<string>();
    q.push('a', 'a1');
    const rounds = Array.from({ length: 5 }, () => q.take(1000, 3));
    expect(rounds.map((r) => r.length)).toEqual([1, 1, 1, 0, 0]);
    expect(q.length).toBe(0);
  });

  it('a newer broadcast for the same key replaces the queued one', () => {
    const q = new BroadcastQueue<string>();
    q.push('node-1', 'suspect');
    q.push('node-1', 'alive');
    expect(q.take(1000, 5)).toEqual(['alive']);
  });

  it('prefers the least transmitted, newest first', () => {
    const q = new BroadcastQueue<string>();
    q.push('a', 'old');
    q.take(1000, 5);
    q.push('b', 'new1');
    q.push('c', 'new2');
    expect(q.take(1000, 5)).toEqual(['new2', 'new1', 'old']);
  });

  it('takes only what fits the byte budget', () => {
    const q = new BroadcastQueue<string>();
    for (let i = 0; i < 10; i++) q.push(`k${i}`, 'x'.repeat(100));
    const taken = q.take(350, 5);
    expect(taken.length).toBe(3);
    expect(q.length).toBe(10);
  });

  it('drops the oldest broadcast beyond the depth limit', () => {
    const q = new BroadcastQueue<string>(2);
    q.push('a', 'a');
    q.push('b', 'b');
    q.push('c', 'c');
    expect(q.take(1000, 1).sort()).toEqual(['b', 'c']);
  });
});
