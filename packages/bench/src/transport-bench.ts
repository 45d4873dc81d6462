import { Packr } from 'msgpackr';
import WebSocket, { WebSocketServer } from 'ws';
import { createWsTransport } from '@swarmsim/transport-ws';
import type { BenchRow } from './netmodel-bench.js';

// transport-ws against raw ws on loopback, same payload, same flow control, alternating runs in one process.

/** A one-way message pipe under test: `send(n)` queues n messages, `delivered()` counts arrivals. */
interface Pipe {
  send(n: number): void;
  delivered(): number;
  close(): Promise<void>;
}

const PAYLOAD_BYTES = 64;
/** Messages queued per event-loop turn. */
const BURST = 1024;
/** Messages in flight at most, so no side wins by buffering without bound. */
const WINDOW = 16_384;
const RUN_MS = 300;
const RUNS = 5;
const TOKEN = 'SWMTKN-1-bench';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Messages/s of one run: send for `ms`, then wait (bounded) for the stragglers and count them in. */
async function measureOnce(pipe: Pipe, ms: number): Promise<number> {
  const base = pipe.delivered();
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < ms) {
    const n = Math.min(BURST, WINDOW - (sent - (pipe.delivered() - base)));
    if (n > 0) {
      pipe.send(n);
      sent += n;
    }
    await turn();
  }
  const drainDeadline = performance.now() + 5000;
  while (pipe.delivered() - base < sent && performance.now() < drainDeadline) await turn();
  const got = pipe.delivered() - base;
  if (got === 0) throw new Error('bench: nothing delivered');
  return (got * 1000) / (performance.now() - start);
}

/** Alternating runs of work and reference; the ratio is the median of per-pair ratios. */
async function paired(work: Pipe, reference: Pipe): Promise<{ work: number; reference: number; ratio: number }> {
  await measureOnce(work, RUN_MS);
  await measureOnce(reference, RUN_MS);
  const w: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Swap who goes first each pair, so neither side always inherits the other's garbage.
    if (i % 2 === 0) w.push(await measureOnce(work, RUN_MS));
    r.push(await measureOnce(reference, RUN_MS));
    if (i % 2 === 1) w.push(await measureOnce(work, RUN_MS));
  }
  return { work: median(w), reference: median(r), ratio: median(w.map((x, i) => x / r[i]!)) };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** transport-ws node-1 → node-2 on the data channel, best-effort or reliable. */
async function wsTransportPipe(reliable: boolean): Promise<Pipe> {
  const a = await createWsTransport({ localId: 'node-1', token: TOKEN });
  const b = await createWsTransport({ localId: 'node-2', token: TOKEN });
  a.setPeers({ 'node-2': b.url });
  let delivered = 0;
  b.onMessage(() => delivered++);
  const payload = new Uint8Array(PAYLOAD_BYTES);
  await a.sendReliable('node-2', 'data', payload);
  delivered = 0;
  return {
    send: (n) => {
      for (let i = 0; i < n; i++) {
        if (reliable) void a.sendReliable('node-2', 'data', payload);
        else a.sendBestEffort('node-2', 'data', payload);
      }
    },
    delivered: () => delivered,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
    }
  };
}

/** Raw ws on loopback: one ws message per payload, or the turn's payloads packed into one msgpackr array. */
async function rawWsPipe(batched: boolean): Promise<Pipe> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((resolve) => server.once('listening', resolve));
  const packr = new Packr({ useRecords: false });
  let delivered = 0;
  server.on('connection', (socket) =>
    socket.on('message', (data: Buffer) => {
      if (!batched) delivered++;
      else for (const p of packr.unpack(data) as Uint8Array[]) if (p.byteLength === PAYLOAD_BYTES) delivered++;
    })
  );
  const port = (server.address() as { port: number }).port;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
  await new Promise((resolve) => client.once('open', resolve));
  const payload = new Uint8Array(PAYLOAD_BYTES);
  return {
    send: (n) => {
      if (batched) client.send(packr.pack(Array.from({ length: n }, () => payload)));
      else for (let i = 0; i < n; i++) client.send(payload);
    },
    delivered: () => delivered,
    close: async () => {
      client.terminate();
      for (const c of server.clients) c.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  };
}

/** transport-ws messages/s beside raw ws carrying the same 64-byte payload, measured in the same run. */
export async function runTransportBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases = [
    {
      name: 'transport-ws best-effort 64 B, node → node on loopback',
      reliable: false,
      batched: false,
      ref: 'raw ws: one ws message per payload'
    },
    {
      name: 'transport-ws best-effort 64 B, node → node on loopback',
      reliable: false,
      batched: true,
      ref: 'raw ws + msgpackr: one frame per turn'
    },
    {
      name: 'transport-ws reliable (acknowledged) 64 B, node → node on loopback',
      reliable: true,
      batched: false,
      ref: 'raw ws: one ws message per payload'
    }
  ];
  for (const c of cases) {
    const work = await wsTransportPipe(c.reliable);
    const reference = await rawWsPipe(c.batched);
    try {
      const r = await paired(work, reference);
      rows.push({
        name: c.name,
        unit: 'messages/s',
        value: Math.round(r.work),
        reference: c.ref,
        referenceValue: Math.round(r.reference),
        ratio: Number(r.ratio.toFixed(3))
      });
    } finally {
      await Promise.all([work.close(), reference.close()]);
    }
  }
  return rows;
}
