import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { decodeEnvelope, encodeEnvelope, GossipError, MsgType, type Envelope } from '../../src/index.js';

const ascii = (s: string): number[] => [0xa0 + s.length, ...[...s].map((c) => c.charCodeAt(0))];

// {v:1, type:2 (IndirectPing), from:"a", ltime:7, body:{seq:9, target:"b"}} written out by hand in msgpack.
const INDIRECT_PING = Uint8Array.from([
  0x85,
  ...ascii('v'),
  0x01,
  ...ascii('type'),
  0x02,
  ...ascii('from'),
  ...ascii('a'),
  ...ascii('ltime'),
  0x07,
  ...ascii('body'),
  0x82,
  ...ascii('seq'),
  0x09,
  ...ascii('target'),
  ...ascii('b')
]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof GossipError ? err.code : `not a GossipError: ${String(err)}`;
  }
}

describe('envelope codec', () => {
  it('decodes a hand-written msgpack fixture', () => {
    expect(decodeEnvelope(INDIRECT_PING)).toEqual({
      v: 1,
      type: MsgType.IndirectPing,
      from: 'a',
      ltime: 7,
      body: { seq: 9, target: 'b' }
    });
  });

  it('encodes maps as map16, the layout msgpackr writes, and decodes that too', () => {
    const env: Envelope = { v: 1, type: MsgType.IndirectPing, from: 'a', ltime: 7, body: { seq: 9, target: 'b' } };
    const map16 = [...INDIRECT_PING];
    map16.splice(map16.indexOf(0x82), 1, 0xde, 0x00, 0x02);
    map16.splice(0, 1, 0xde, 0x00, 0x05);
    expect([...encodeEnvelope(env)]).toEqual(map16);
    expect(decodeEnvelope(Uint8Array.from(map16))).toEqual(env);
  });

  it('message type numbers are the documented wire values (append-only)', () => {
    expect([
      MsgType.Ping,
      MsgType.IndirectPing,
      MsgType.Ack,
      MsgType.Gossip,
      MsgType.TableGossip,
      MsgType.PushPull,
      MsgType.BulkSync
    ]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('round-trips a table gossip with binary values as plain Uint8Arrays', () => {
    const event = {
      kind: 'create' as const,
      ltime: 3,
      owner: 'a',
      network: 'n',
      table: 't',
      key: 'k',
      value: Uint8Array.from([1, 2]),
      reapInMs: 0
    };
    const env: Envelope = {
      v: 1,
      type: MsgType.TableGossip,
      from: 'a',
      ltime: 3,
      body: { network: 'n', events: [event] }
    };
    const back = decodeEnvelope(encodeEnvelope(env));
    expect(back).toEqual(env);
    expect(back.type === MsgType.TableGossip && back.body.events[0]!.value.constructor).toBe(Uint8Array);
  });

  it('rejects another version with GOSSIP_ERR_BAD_VERSION', () => {
    const bytes = INDIRECT_PING.slice();
    bytes[3] = 0x02; // v: 2
    expect(codeOf(() => decodeEnvelope(bytes))).toBe('GOSSIP_ERR_BAD_VERSION');
  });

  it('rejects an unknown type, a wrong body or trailing garbage with GOSSIP_ERR_BAD_FRAME', () => {
    const unknownType = INDIRECT_PING.slice();
    unknownType[9] = 0x63;
    const badBody = encodeEnvelope({
      v: 1,
      type: MsgType.Ping,
      from: 'a',
      ltime: 1,
      body: { seq: 1 }
    } as unknown as Envelope);
    expect(codeOf(() => decodeEnvelope(unknownType))).toBe('GOSSIP_ERR_BAD_FRAME');
    expect(codeOf(() => decodeEnvelope(badBody))).toBe('GOSSIP_ERR_BAD_FRAME');
    expect(codeOf(() => decodeEnvelope(Uint8Array.from([0xc1])))).toBe('GOSSIP_ERR_BAD_FRAME');
  });

  it('10 000 random or mutated inputs only ever yield an envelope or a GossipError', () => {
    const random = seededRandom(5);
    const codes = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const bytes = i % 2 === 0 ? INDIRECT_PING.slice() : new Uint8Array(Math.floor(random() * 64));
      if (i % 2 === 0) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      else for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
      codes.add(codeOf(() => decodeEnvelope(bytes)) ?? 'decoded');
    }
    expect([...codes].filter((c) => !c.startsWith('GOSSIP_ERR_') && c !== 'decoded')).toEqual([]);
    expect(codes.has('GOSSIP_ERR_BAD_FRAME')).toBe(true);
  });
});
