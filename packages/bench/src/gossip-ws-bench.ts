import { gossip, type Gossip } from '@swarmsim/gossip';
import { realClock } from '@swarmsim/clock';
import { createWsTransport, type WsTransport } from '@swarmsim/transport-ws';
import { serfModelMs } from './gossip-bench.js';
import type { BenchRow } from './netmodel-bench.js';

// Real time: N gossip nodes on real WebSockets over 127.0.0.1 with real timers, `lan` preset (200 ms, fanout 3).
const SIZES = [3, 10, 30];
const WRITES = 10;
const KEY = new Uint8Array(32).fill(3);

/** Resolves when `done()` holds, checking after every event-loop turn; rejects after `timeoutMs`. */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('gossip-ws bench: condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function start(n: number): Promise<{ nodes: Gossip[]; transports: WsTransport[] }> {
  const ids = Array.from({ length: n }, (_, i) => `node-${i + 1}`);
  const transports = await Promise.all(ids.map((localId) => createWsTransport({ localId, token: 'SWMTKN-1-bench' })));
  const book = Object.fromEntries(transports.map((t) => [t.localId, t.url]));
  for (const t of transports) t.setPeers(book);
  const nodes = transports.map((transport) => gossip({ preset: 'lan', keys: [KEY] })({ clock: realClock, transport }));
  for (const g of nodes) g.start();
  await Promise.all(nodes.slice(1).map((g) => g.join(['node-1'])));
  await until(() => nodes.every((g) => g.members().filter((m) => m.state === 'alive').length === n), 30_000);
  for (const g of nodes) g.joinNetwork('overnet');
  await until(() => nodes.every((g) => g.networkNodes('overnet').length === n), 30_000);
  return { nodes, transports };
}

/** Milliseconds from a write on one node until every node holds the entry, for `WRITES` writes. */
async function convergence(n: number): Promise<number[]> {
  const { nodes, transports } = await start(n);
  const samples: number[] = [];
  try {
    for (let w = 0; w < WRITES; w++) {
      const key = `ep-${w}`;
      const t0 = performance.now();
      nodes[w % n]!.create('endpoint_table', 'overnet', key, new Uint8Array(16));
      await until(() => nodes.every((g) => g.get('endpoint_table', 'overnet', key) !== undefined), 30_000);
      samples.push(performance.now() - t0);
    }
  } finally {
    for (const g of nodes) g.stop();
    await Promise.all(transports.map((t) => t.close()));
  }
  return samples.sort((a, b) => a - b);
}

/** Real-time convergence over ws beside the Serf model for the same interval and fanout. */
export async function runGossipWsBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const samples = await convergence(n);
    const model = serfModelMs(n, 3, 200);
    for (const p of [50, 99]) {
      const value = Math.round(samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!);
      rows.push({
        name: `table write convergence over transport-ws, ${n} nodes, lan preset, p${p} of ${samples.length} writes (real time)`,
        unit: 'ms',
        value,
        reference: 'Serf model, 99.99 % informed (gossip 200 ms, fanout 3)',
        referenceValue: model,
        referenceUnit: 'ms (model)',
        ratio: Number((value / model).toFixed(3))
      });
    }
  }
  return rows;
}
