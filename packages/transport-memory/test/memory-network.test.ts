import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { TransportError, type Channel, type PeerId, type Transport } from '@swarmsim/interface';
import { MemoryNetwork, MemoryNetworkError, type MemoryNetworkOptions } from '../src/index.js';

interface Received {
  from: PeerId;
  channel: Channel;
  byte: number;
  at: number;
}

function setup(options: MemoryNetworkOptions = {}, ids = ['a', 'b', 'c']) {
  const clock = new ManualClock(0);
  const net = new MemoryNetwork({ clock }, options);
  const inbox = new Map<PeerId, Received[]>();
  const nodes = new Map<PeerId, Transport>();
  for (const id of ids) {
    const t = net.createTransport(id);
    const box: Received[] = [];
    inbox.set(id, box);
    t.onMessage((from, channel, payload) => box.push({ from, channel, byte: payload[0]!, at: clock.now() }));
    nodes.set(id, t);
  }
  return { clock, net, node: (id: PeerId) => nodes.get(id)!, inbox: (id: PeerId) => inbox.get(id)! };
}

async function rejection(p: Promise<unknown>): Promise<TransportError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(TransportError);
  return err as TransportError;
}

describe('MemoryNetwork', () => {
  it('delivers after the link latency, only when the clock ticks', () => {
    const { clock, net, node, inbox } = setup({ defaults: { latencyMs: 7 } });
    node('a').sendBestEffort('b', 'gossip', Uint8Array.of(1));
    clock.tick(6);
    expect(inbox('b')).toEqual([]);
    clock.tick(1);
    expect(inbox('b')).toEqual([{ from: 'a', channel: 'gossip', byte: 1, at: 7 }]);
    expect(net.stats).toMatchObject({ sent: 1, delivered: 1, dropped: 0 });
  });

  it('copies the payload at send time, so later mutation by the sender is not seen', () => {
    const { clock, node, inbox } = setup();
    const buf = Uint8Array.of(5);
    node('a').sendBestEffort('b', 'data', buf);
    buf[0] = 9;
    clock.tick(1);
    expect(inbox('b')[0]?.byte).toBe(5);
  });

  it('uses per-link conditions in both directions', () => {
    const { clock, net, node, inbox } = setup();
    net.setLink('a', 'b', { latencyMs: 50 });
    node('b').sendBestEffort('a', 'gossip', Uint8Array.of(1));
    node('a').sendBestEffort('c', 'gossip', Uint8Array.of(2));
    clock.tick(1);
    expect(inbox('c')).toHaveLength(1);
    expect(inbox('a')).toHaveLength(0);
    clock.tick(49);
    expect(inbox('a')[0]?.at).toBe(50);
  });

  it('loses about the configured share of datagrams, the same ones for the same seed', () => {
    const run = (seed: number): number[] => {
      const { clock, node, inbox } = setup({ seed, defaults: { loss: 0.3 } });
      for (let i = 0; i < 200; i++) node('a').sendBestEffort('b', 'gossip', Uint8Array.of(i & 0xff));
      clock.tick(1);
      return inbox('b').map((r) => r.byte);
    };
    const first = run(7);
    expect(first.length).toBeGreaterThan(110);
    expect(first.length).toBeLessThan(170);
    expect(run(7)).toEqual(first);
    expect(run(8)).not.toEqual(first);
  });

  it('duplicates and reorders datagrams under jitter, but never reliable messages', async () => {
    const { clock, net, node, inbox } = setup({ defaults: { jitterMs: 20, duplicate: 0.5 } });
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      node('a').sendBestEffort('b', 'gossip', Uint8Array.of(i));
      sends.push(node('a').sendReliable('c', 'control', Uint8Array.of(i)));
    }
    clock.tick(25);
    await Promise.all(sends);
    const datagrams = inbox('b').map((r) => r.byte);
    expect(datagrams.length).toBe(50 + net.stats.duplicated);
    expect(net.stats.duplicated).toBeGreaterThan(0);
    expect(datagrams).not.toEqual([...datagrams].sort((x, y) => x - y));
    expect(inbox('c').map((r) => r.byte)).toEqual([...Array(50).keys()]);
  });

  it('keeps reliable order per (peer, channel) even when the link latency drops mid-stream', async () => {
    const { clock, net, node, inbox } = setup();
    net.setLink('a', 'b', { latencyMs: 30 });
    const first = node('a').sendReliable('b', 'control', Uint8Array.of(1));
    net.setLink('a', 'b', { latencyMs: 1 });
    const second = node('a').sendReliable('b', 'control', Uint8Array.of(2));
    clock.tick(30);
    await Promise.all([first, second]);
    expect(inbox('b').map((r) => [r.byte, r.at])).toEqual([
      [1, 30],
      [2, 30]
    ]);
  });

  it('partitions cut both directions, optionally one channel only, until healed', async () => {
    const { clock, net, node, inbox } = setup();
    net.partition('a', ['b'], { channel: 'gossip' });
    node('a').sendBestEffort('b', 'gossip', Uint8Array.of(1));
    node('b').sendBestEffort('a', 'gossip', Uint8Array.of(2));
    node('a').sendBestEffort('b', 'data', Uint8Array.of(3));
    const rel = node('b').sendReliable('a', 'gossip', Uint8Array.of(4));
    clock.tick(1);
    expect((await rejection(rel)).type).toMatchObject({
      code: 'TRANSPORT_ERR_UNREACHABLE',
      peer: 'a',
      reason: 'partitioned'
    });
    expect(inbox('b').map((r) => r.byte)).toEqual([3]);
    expect(inbox('a')).toEqual([]);
    net.heal();
    node('a').sendBestEffort('b', 'gossip', Uint8Array.of(5));
    clock.tick(1);
    expect(inbox('b').map((r) => r.byte)).toEqual([3, 5]);
  });

  it('drops messages already in flight when a partition starts before they arrive', () => {
    const { clock, net, node, inbox } = setup({ defaults: { latencyMs: 10 } });
    node('a').sendBestEffort('b', 'gossip', Uint8Array.of(1));
    clock.tick(5);
    net.partition(['a'], ['b', 'c']);
    clock.tick(5);
    expect(inbox('b')).toEqual([]);
    expect(net.stats.dropped).toBe(1);
  });

  it('a crashed node neither sends nor receives, and a new transport restarts it', async () => {
    const { clock, net, node, inbox } = setup();
    net.crash('b');
    node('a').sendBestEffort('b', 'gossip', Uint8Array.of(1));
    node('b').sendBestEffort('a', 'gossip', Uint8Array.of(2));
    const toCrashed = node('a').sendReliable('b', 'control', Uint8Array.of(3));
    const fromCrashed = node('b').sendReliable('a', 'control', Uint8Array.of(4));
    clock.tick(1);
    expect((await rejection(toCrashed)).type).toMatchObject({ code: 'TRANSPORT_ERR_UNREACHABLE', reason: 'crashed' });
    expect((await rejection(fromCrashed)).code).toBe('TRANSPORT_ERR_CLOSED');
    expect(inbox('a')).toEqual([]);
    expect(inbox('b')).toEqual([]);
    const reborn = net.createTransport('b');
    const got: number[] = [];
    reborn.onMessage((_from, _ch, p) => got.push(p[0]!));
    await Promise.all([node('a').sendReliable('b', 'control', Uint8Array.of(5)), Promise.resolve(clock.tick(1))]);
    expect(got).toEqual([5]);
  });

  it('refuses a second live transport for the same id', () => {
    const { net } = setup();
    expect(() => net.createTransport('a')).toThrow(MemoryNetworkError);
  });

  it('rejects reliable sends to an unknown peer and drops datagrams to it silently', async () => {
    const { clock, net, node } = setup();
    expect(() => node('a').sendBestEffort('nobody', 'gossip', Uint8Array.of(1))).not.toThrow();
    const p = node('a').sendReliable('nobody', 'control', Uint8Array.of(1));
    clock.tick(1);
    expect((await rejection(p)).type).toMatchObject({ reason: 'unknown' });
    expect(net.stats.dropped).toBe(2);
  });

  it('reports handler errors without stopping other deliveries', () => {
    const errors: unknown[] = [];
    const clock = new ManualClock(0);
    const net = new MemoryNetwork({ clock }, { onHandlerError: (e) => errors.push(e) });
    const a = net.createTransport('a');
    const b = net.createTransport('b');
    let calls = 0;
    b.onMessage(() => {
      calls++;
      throw new Error('boom');
    });
    a.sendBestEffort('b', 'gossip', Uint8Array.of(1));
    a.sendBestEffort('b', 'gossip', Uint8Array.of(2));
    clock.tick(1);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('rejects invalid link conditions', () => {
    const { net } = setup();
    expect(() => net.setLink('a', 'b', { loss: 1.5 })).toThrow(RangeError);
    expect(() => net.setLink('a', 'b', { latencyMs: -1 })).toThrow(RangeError);
  });
});
