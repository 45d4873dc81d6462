import { describe, expect, it } from 'vitest';
import type { TcpOptions } from '../../src/tcp/index.js';
import { seqDiff } from '../../src/tcp/seq.js';
import {
  A,
  B,
  TestNet,
  dataSegments,
  echoServer,
  firstDifference,
  isnRandom,
  payload,
  record,
  type LinkOptions
} from './harness.js';

const SIZE = 200_000;

/** A sends `SIZE` bytes to an echo server on B and ends; returns what came back. */
function echo(link: LinkOptions, opts: ConstructorParameters<typeof TestNet>[1] = {}) {
  const net = new TestNet(link, opts);
  const server = echoServer(net.b, 7);
  const client = net.a.connect(A, B, 7);
  const rec = record(client);
  const data = payload(SIZE);
  client.write(data);
  client.end();
  net.clock.runAll();
  return { net, client, server: server[0]!, rec, data };
}

describe('TCP data transfer', () => {
  it('echoes a 200 kB stream intact in both directions and closes cleanly', () => {
    const { net, client, server, rec, data } = echo({});
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    expect(rec.events.at(-2)).toBe('end');
    expect(rec.events.at(-1)).toBe('close:false');
    expect(server.stats.bytesReceived).toBe(SIZE);
    expect(client.stats.bytesReceived).toBe(SIZE);
    expect(client.stats.retransmits + server.stats.retransmits).toBe(0);
    expect([client.state, server.state]).toEqual(['CLOSED', 'CLOSED']);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it.each([
    ['B smaller', { mss: 1460 }, { mss: 536 }, 536],
    ['A smaller (overlay)', { mss: 1410 }, { mss: 1460 }, 1410]
  ])('never exceeds min(own, peer) MSS: %s', (_name, a: TcpOptions, b: TcpOptions, mss) => {
    const { net, rec, data } = echo({}, { a, b });
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    for (const host of [A, B]) {
      const sizes = dataSegments(net, host).map((s) => s.payload.length);
      expect(Math.max(...sizes)).toBe(mss);
    }
  });

  it("keeps at most the peer's advertised window in flight", () => {
    const window = 4000;
    const { net, rec, data } = echo({ latencyMs: 20 }, { b: { receiveWindow: window } });
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    let acked: number | undefined;
    let maxInFlight = 0;
    for (const t of net.trace) {
      if (t.kind === 'deliver' && t.to === A && t.seg.flags.ack) acked = t.seg.ack;
      if (t.kind === 'send' && t.from === A && t.seg.payload.length > 0 && acked !== undefined) {
        maxInFlight = Math.max(maxInFlight, seqDiff(t.seg.seq + t.seg.payload.length, acked));
      }
    }
    expect(maxInFlight).toBeLessThanOrEqual(window);
    expect(maxInFlight).toBeGreaterThan(window / 2);
    expect(net.sent(B).every((s) => s.window === window)).toBe(true);
  });

  it('delivers byte-exact through 20 % seeded loss, with retransmissions', () => {
    const { net, client, server, rec, data } = echo({ loss: 0.2, seed: 2024 });
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    expect(client.stats.retransmits).toBeGreaterThan(0);
    expect(server.stats.retransmits).toBeGreaterThan(0);
    expect(server.stats.bytesReceived).toBe(SIZE);
    expect([client.state, server.state]).toEqual(['CLOSED', 'CLOSED']);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('delivers each byte once through duplication and reordering', () => {
    const { net, client, server, rec, data } = echo({ duplicate: 0.2, reorder: 0.3, seed: 5 });
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    expect(server.stats.bytesReceived).toBe(SIZE);
    expect(client.stats.bytesReceived).toBe(SIZE);
    const arrivals = net.trace.filter((t) => t.kind === 'deliver' && t.to === B && t.seg.payload.length > 0);
    const unordered = arrivals.some((t, i) => i > 0 && seqDiff(t.seg.seq, arrivals[i - 1]!.seg.seq) < 0);
    expect(unordered).toBe(true);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('keeps sequence arithmetic right across 2^32 wrap-around', () => {
    const near = 2 ** 32 - 50_000;
    const { net, rec, data } = echo(
      { loss: 0.05, seed: 3 },
      { randomA: isnRandom(near), randomB: isnRandom(near + 7) }
    );
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    const seqs = dataSegments(net, A).map((s) => s.seq);
    expect(seqs[0]).toBeGreaterThan(near);
    expect(seqs.some((s) => s < 200_000)).toBe(true);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('never emits data from inside write() even when output delivers synchronously', () => {
    const net = new TestNet({ synchronous: true });
    echoServer(net.b, 7);
    const client = net.a.connect(A, B, 7);
    let inWrite = false;
    let reentered = false;
    const rec = record(client);
    client.on('data', () => (reentered ||= inWrite));
    net.clock.tick(0);
    const data = payload(50_000);
    inWrite = true;
    client.write(data);
    inWrite = false;
    expect(rec.chunks).toEqual([]);
    net.clock.tick(0);
    expect(firstDifference(rec.bytes(), data)).toBe(-1);
    expect(reentered).toBe(false);
  });

  it('queues data written before the handshake completes', () => {
    const net = new TestNet();
    echoServer(net.b, 7);
    const client = net.a.connect(A, B, 7);
    const rec = record(client);
    client.write(new TextEncoder().encode('early'));
    expect(dataSegments(net, A)).toEqual([]);
    net.clock.tick(100);
    expect(new TextDecoder().decode(rec.bytes())).toBe('early');
    expect(rec.events[0]).toBe('connect');
  });
});
