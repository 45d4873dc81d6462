import { describe, expect, it } from 'vitest';
import { internetChecksum, ipv4PseudoHeaderSum } from '../src/index.js';
import { hex } from './helpers.js';

describe('internetChecksum', () => {
  it('matches the RFC 1071 §3 example (sum ddf2 → checksum 220d)', () => {
    expect(internetChecksum(hex('0001 f203 f4f5 f6f7'))).toBe(0x220d);
  });

  it('pads an odd trailing byte with zero', () => {
    expect(internetChecksum(hex('0001 f203 f4f5 f6'))).toBe(internetChecksum(hex('0001 f203 f4f5 f600')));
  });

  it('yields 0 over data that includes its own checksum', () => {
    const data = hex('0001 f203 f4f5 f6f7 220d');
    expect(internetChecksum(data)).toBe(0);
  });

  it('folds sums beyond 32 bits for large buffers', () => {
    // 40000 words of 0xffff: the ones' complement sum is 0xffff, so the checksum is 0.
    expect(internetChecksum(new Uint8Array(80_000).fill(0xff))).toBe(0);
    expect(internetChecksum(new Uint8Array(80_000).fill(0xff), 0xffffffff)).toBe(0);
  });

  it('adds the pseudo-header sum (hand-computed UDP 10.0.0.1:1234 → 10.0.0.2:53 "hi" = 7e67)', () => {
    const udp = hex('04d2 0035 000a 0000 6869');
    expect(ipv4PseudoHeaderSum('10.0.0.1', '10.0.0.2', 17, 10)).toBe(0x141e);
    expect(internetChecksum(udp, ipv4PseudoHeaderSum('10.0.0.1', '10.0.0.2', 17, 10))).toBe(0x7e67);
  });
});
