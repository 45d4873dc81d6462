import { describe, expect, it } from 'vitest';
import { CHANNEL_CODES, decodeFrame, encodeAck, encodeBatch, FrameType } from '../src/index.js';

describe('frame codec', () => {
  it('encodes a batch as a plain msgpack array, byte for byte', () => {
    const bytes = encodeBatch([{ channel: 'gossip', seq: 0, payload: Uint8Array.of(1, 2, 3) }]);
    // fixarray(3) [1, 0, fixarray(3) [channel 1, seq 0, bin8(3) 01 02 03]]
    expect([...bytes]).toEqual([0x93, 0x01, 0x00, 0x93, 0x01, 0x00, 0xc4, 0x03, 0x01, 0x02, 0x03]);
  });

  it('decodes a raw batch fixture with a reliable message on the data channel', () => {
    const fixture = Uint8Array.of(0x93, 0x01, 0x00, 0x93, 0x02, 0x07, 0xc4, 0x01, 0xff);
    expect(decodeFrame(fixture)).toEqual({
      type: FrameType.Batch,
      messages: [{ channel: 'data', seq: 7, payload: Uint8Array.of(0xff) }]
    });
  });

  it('round-trips acks with refused sequence numbers', () => {
    expect(decodeFrame(encodeAck(42, [40, 41]))).toEqual({ type: FrameType.Ack, highestSeq: 42, refused: [40, 41] });
  });

  it('keeps channel numbers stable on the wire', () => {
    expect(CHANNEL_CODES).toEqual({ control: 0, gossip: 1, data: 2 });
  });

  it.each([
    ['not msgpack', Uint8Array.of(0xc1)],
    ['another version', Uint8Array.of(0x93, 0x02, 0x00, 0x90)],
    ['an unknown frame type', Uint8Array.of(0x93, 0x01, 0x09, 0x90)],
    ['an unknown channel', Uint8Array.of(0x93, 0x01, 0x00, 0x93, 0x05, 0x00, 0xc4, 0x00)],
    ['a negative seq', Uint8Array.of(0x93, 0x01, 0x00, 0x93, 0x00, 0xff, 0xc4, 0x00)],
    ['a string payload', Uint8Array.of(0x93, 0x01, 0x00, 0x93, 0x00, 0x00, 0xa1, 0x61)],
    ['a truncated message list', Uint8Array.of(0x93, 0x01, 0x00, 0x92, 0x00, 0x00)]
  ])('rejects %s', (_what, bytes) => {
    expect(decodeFrame(bytes)).toBeUndefined();
  });
});
