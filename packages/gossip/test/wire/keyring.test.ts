import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { GossipError, Keyring } from '../../src/index.js';

const key = (b: number): Uint8Array => new Uint8Array(32).fill(b);
const plain = new TextEncoder().encode('hello gossip');

describe('Keyring', () => {
  it('opens what it sealed', () => {
    const ring = new Keyring([key(1)]);
    expect(ring.open(ring.seal(plain, seededRandom(1)))).toEqual(plain);
  });

  it('does not open a frame sealed with another key, or a tampered frame', () => {
    const frame = new Keyring([key(1)]).seal(plain, seededRandom(1));
    expect(new Keyring([key(2)]).open(frame)).toBeUndefined();
    const tampered = frame.slice();
    tampered[20]! ^= 1;
    expect(new Keyring([key(1)]).open(tampered)).toBeUndefined();
  });

  it('rotates: install everywhere, use, then remove the old key', () => {
    const sender = new Keyring([key(1)]);
    const receiver = new Keyring([key(1)]);
    receiver.install(key(2));
    sender.install(key(2));
    sender.use(key(2));
    expect(receiver.open(sender.seal(plain, seededRandom(2)))).toEqual(plain);
    receiver.use(key(2));
    receiver.remove(key(1));
    expect(receiver.open(new Keyring([key(1)]).seal(plain, seededRandom(3)))).toBeUndefined();
    expect(receiver.list()).toEqual([key(2)]);
  });

  it('holds 1 to 3 keys of 32 bytes, else GOSSIP_ERR_INVALID_KEYRING', () => {
    const cases: Array<() => unknown> = [
      () => new Keyring([]),
      () => new Keyring([new Uint8Array(16)]),
      () => new Keyring([key(1), key(2), key(3), key(4)])
    ];
    const ring = new Keyring([key(1)]);
    cases.push(() => ring.remove(key(1)));
    for (const make of cases) {
      expect(make).toThrow(GossipError);
      try {
        make();
      } catch (err) {
        expect((err as GossipError).code).toBe('GOSSIP_ERR_INVALID_KEYRING');
      }
    }
  });
});
