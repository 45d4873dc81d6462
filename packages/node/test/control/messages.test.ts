import { describe, it, expect } from 'vitest';
import { Packr } from 'msgpackr';
import { NodeError } from '../../src/errors.js';
import { ControlType, decodeControl, encodeControl, type ControlMsg } from '../../src/control/messages.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof NodeError ? e.code : 'other';
  }
  return undefined;
}

describe('control messages', () => {
  it('round-trip every message type', () => {
    const msgs: ControlMsg[] = [
      { type: ControlType.Join, token: 't', hostname: 'node-2', addr: '192.168.99.101', labels: { zone: 'a' } },
      {
        type: ControlType.JoinAccepted,
        nodeId: 'abc',
        role: 'worker',
        heartbeatPeriodMs: 250,
        gossipKeys: [new Uint8Array([1, 2, 3])],
        ingressAddr: '10.0.0.3/24'
      },
      { type: ControlType.JoinRejected, reason: 'invalid join token' },
      { type: ControlType.Heartbeat, nodeId: 'abc' },
      { type: ControlType.HeartbeatAck, periodMs: 260 },
      {
        type: ControlType.Assignments,
        set: { nodeId: 'abc', type: 'incremental', changes: [{ action: 'remove', taskId: 't1' }] }
      },
      { type: ControlType.TaskStatus, nodeId: 'abc', taskId: 't1', state: 'running' }
    ];
    for (const msg of msgs) {
      const back = decodeControl(encodeControl(msg)) as unknown as Record<string, unknown>;
      if (msg.type === ControlType.JoinAccepted) {
        expect([...(back.gossipKeys as Uint8Array[])[0]!]).toEqual([1, 2, 3]);
        expect({ ...back, gossipKeys: [] }).toEqual({ ...msg, gossipKeys: [] });
      } else {
        expect(back).toEqual(msg);
      }
    }
  });

  it('keeps the wire numbers of the append-only enum', () => {
    expect([
      ControlType.Join,
      ControlType.JoinAccepted,
      ControlType.JoinRejected,
      ControlType.Heartbeat,
      ControlType.HeartbeatAck,
      ControlType.Assignments,
      ControlType.TaskStatus
    ]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('decodes a raw msgpack fixture: { v: 1, m: { type: 4, nodeId: "n" } }', () => {
    // fixmap(2) "v" 1 "m" fixmap(2) "type" 4 "nodeId" "n"
    const bytes = Uint8Array.from([
      0x82, 0xa1, 0x76, 0x01, 0xa1, 0x6d, 0x82, 0xa4, 0x74, 0x79, 0x70, 0x65, 0x04, 0xa6, 0x6e, 0x6f, 0x64, 0x65, 0x49,
      0x64, 0xa1, 0x6e
    ]);
    expect(decodeControl(bytes)).toEqual({ type: ControlType.Heartbeat, nodeId: 'n' });
  });

  it('refuses garbage, a wrong version and an unknown type with NODE_ERR_BAD_MESSAGE', () => {
    const packr = new Packr({ useRecords: false });
    expect(codeOf(() => decodeControl(Uint8Array.from([0xc1])))).toBe('NODE_ERR_BAD_MESSAGE');
    expect(codeOf(() => decodeControl(packr.pack({ v: 2, m: { type: 4 } })))).toBe('NODE_ERR_BAD_MESSAGE');
    expect(codeOf(() => decodeControl(packr.pack({ v: 1, m: { type: 99 } })))).toBe('NODE_ERR_BAD_MESSAGE');
    expect(codeOf(() => decodeControl(packr.pack('hello')))).toBe('NODE_ERR_BAD_MESSAGE');
  });
});
