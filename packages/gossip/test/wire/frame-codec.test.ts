import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { FrameCodec } from '../../src/wire/frame-codec.js';
import { GossipError, Keyring, MsgType, type Envelope } from '../../src/index.js';

const codec = (b: number): FrameCodec => new FrameCodec(new Keyring([new Uint8Array(32).fill(b)]), seededRandom(b));
const env: Envelope = { v: 1, type: MsgType.Gossip, from: 'a', ltime: 1, body: { updates: [], networks: [] } };

function typeOf(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof GossipError ? err.type : err;
  }
}

describe('FrameCodec', () => {
  it('accepts a frame from the peer it claims to be', () => {
    expect(codec(1).open(codec(1).seal(env), 'a', 1400)).toEqual(env);
  });

  it('drops an oversized frame before any crypto', () => {
    expect(typeOf(() => codec(1).open(new Uint8Array(2000), 'a', 1400))).toEqual({
      code: 'GOSSIP_ERR_FRAME_TOO_LARGE',
      reaction: 'drop',
      bytes: 2000,
      max: 1400
    });
  });

  it('drops a frame under a foreign key as unauthenticated', () => {
    expect(typeOf(() => codec(1).open(codec(2).seal(env), 'a', 1400))).toEqual({
      code: 'GOSSIP_ERR_UNAUTHENTICATED',
      reaction: 'drop'
    });
  });

  it('says reject-peer when an authenticated frame lies about its sender', () => {
    expect(typeOf(() => codec(1).open(codec(1).seal(env), 'b', 1400))).toMatchObject({
      code: 'GOSSIP_ERR_SENDER_MISMATCH',
      reaction: 'reject-peer',
      claimed: 'a',
      peer: 'b'
    });
  });
});
