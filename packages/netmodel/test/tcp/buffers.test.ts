import { describe, expect, it } from 'vitest';
import { Reassembly } from '../../src/tcp/reassembly.js';
import { SendBuffer } from '../../src/tcp/send-buffer.js';

const range = (from: number, n: number) => Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);

describe('SendBuffer', () => {
  it('reads across chunk boundaries and consumes acknowledged bytes', () => {
    const buf = new SendBuffer();
    buf.push(range(0, 10));
    buf.push(range(10, 10));
    expect(buf.read(5, 10)).toEqual(range(5, 10));
    buf.consume(12);
    expect(buf.length).toBe(8);
    expect(buf.read(0, 100)).toEqual(range(12, 8));
  });

  it('copies written data so the caller may reuse its buffer', () => {
    const buf = new SendBuffer();
    const src = range(0, 4);
    buf.push(src);
    src.fill(0);
    expect(buf.read(0, 4)).toEqual(range(0, 4));
  });
});

describe('Reassembly', () => {
  it('releases held segments once the gap before them is filled, across the 2^32 wrap', () => {
    const q = new Reassembly();
    const base = 2 ** 32 - 4;
    q.insert(base + 8 - 2 ** 32, range(8, 4));
    q.insert(base + 4 - 2 ** 32, range(4, 4));
    expect(q.drain(base)).toEqual({ chunks: [], next: base });
    const out = q.drain(base + 4 - 2 ** 32);
    expect(out.next).toBe(8);
    expect(out.chunks).toEqual([range(4, 4), range(8, 4)]);
    expect(q.size).toBe(0);
  });

  it('trims overlap and skips fully duplicate pieces', () => {
    const q = new Reassembly();
    q.insert(10, range(10, 10));
    q.insert(10, range(10, 5));
    q.insert(15, range(15, 10));
    const out = q.drain(12);
    expect(out.chunks).toEqual([range(12, 8), range(20, 5)]);
    expect(out.next).toBe(25);
  });
});
