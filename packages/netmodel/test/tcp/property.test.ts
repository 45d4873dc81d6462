import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  A,
  B,
  TestNet,
  concat,
  echoServer,
  firstDifference,
  isnRandom,
  payload,
  record,
  type Recorder
} from './harness.js';

describe('TCP stream property', () => {
  it('echoes any payload byte-exact over any seeded faulty link, then leaves no connection and no timer', () => {
    const link = fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      loss: fc.double({ min: 0, max: 0.25, noNaN: true }),
      duplicate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      reorder: fc.double({ min: 0, max: 0.3, noNaN: true }),
      latencyMs: fc.integer({ min: 1, max: 50 })
    });
    const isn = fc.integer({ min: 0, max: 2 ** 32 - 1 });
    fc.assert(
      fc.property(link, fc.integer({ min: 0, max: 60_000 }), isn, isn, (l, size, isnA, isnB) => {
        // Generous handshake retries: at 25 % loss six SYN retransmissions fail now and then, as they would on Linux.
        const opts = { synRetries: 20, synAckRetries: 20 };
        const net = new TestNet(l, { a: opts, b: opts, randomA: isnRandom(isnA), randomB: isnRandom(isnB) });
        const server = echoServer(net.b, 7);
        const client = net.a.connect(A, B, 7);
        const rec = record(client);
        const data = payload(size, l.seed);
        client.write(data);
        client.end();
        net.clock.runAll();
        expect(firstDifference(rec.bytes(), data)).toBe(-1);
        expect(rec.events.slice(-2)).toEqual(['end', 'close:false']);
        expect(server[0]?.stats.bytesReceived).toBe(size);
        expect([net.a.connections().length, net.b.connections().length]).toEqual([0, 0]);
        expect(net.clock.pendingTimers()).toBe(0);
      }),
      { seed: 42, numRuns: 40 }
    );
  });

  it('carries two concurrent chunked streams over any window, MSS and link, synchronous delivery included', () => {
    const link = fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      loss: fc.double({ min: 0, max: 0.2, noNaN: true }),
      duplicate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      reorder: fc.double({ min: 0, max: 0.4, noNaN: true }),
      latencyMs: fc.integer({ min: 0, max: 30 }),
      synchronous: fc.boolean()
    });
    const chunks = fc.array(fc.integer({ min: 0, max: 4000 }), { maxLength: 20 });
    const tcp = fc.record({
      receiveWindow: fc.integer({ min: 1, max: 65535 }),
      mss: fc.integer({ min: 64, max: 1460 })
    });
    fc.assert(
      fc.property(link, chunks, chunks, tcp, tcp, (l, sizesA, sizesB, optsA, optsB) => {
        const retries = { synRetries: 20, synAckRetries: 20 };
        const net = new TestNet(l, { a: { ...optsA, ...retries }, b: { ...optsB, ...retries } });
        const fromA = sizesA.map((n, i) => payload(n, i + 1));
        const fromB = sizesB.map((n, i) => payload(n, i + 100));
        let recServer: Recorder | undefined;
        net.b.listen('0.0.0.0', 7, (s) => {
          recServer = record(s);
          for (const d of fromB) s.write(d);
          s.end();
        });
        const client = net.a.connect(A, B, 7);
        const recClient = record(client);
        for (const d of fromA) client.write(d);
        client.end();
        net.clock.runAll();
        expect(firstDifference(recClient.bytes(), concat(fromB))).toBe(-1);
        expect(firstDifference(recServer!.bytes(), concat(fromA))).toBe(-1);
        expect(recClient.events.filter((e) => e !== 'data')).toEqual(['connect', 'end', 'close:false']);
        expect(recServer!.events.filter((e) => e !== 'data')).toEqual(['end', 'close:false']);
        expect(net.clock.pendingTimers()).toBe(0);
      }),
      { seed: 7, numRuns: 60 }
    );
  });
});
