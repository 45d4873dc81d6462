import { gossip, type Gossip } from '@swarmsim/gossip';
import { seededRandom } from '@swarmsim/interface';
import { ManualClock } from '@swarmsim/clock';
import { tickUntil } from '@swarmsim/testkit';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import type { BenchRow } from './netmodel-bench.js';

// gossip: table-write convergence (write on one node → present on every node of the network) in virtual
// time with the `lan` preset, beside the Serf convergence model for the same gossip interval and fanout.
// Virtual time makes the figure independent of the machine; only the protocol's rounds count.

const SIZES = [3, 10, 50, 100];
const WRITES_PER_RUN = 5;
const KEY = new Uint8Array(32).fill(1);

/** Seeds per cluster size: fewer for the large clusters, whose runs cost more real time. */
function seedsFor(n: number): number {
  return n <= 10 ? 20 : 10;
}

/** Serf model: fraction informed after r rounds = 1/(1 + (n+1)·e^(−fanout·0.5·r)); ms until `target` of n. */
export function serfModelMs(n: number, fanout: number, intervalMs: number, target = 0.9999): number {
  const rounds = Math.log(((n + 1) * target) / (1 - target)) / (fanout * 0.5);
  return Math.ceil(rounds) * intervalMs;
}

function cluster(n: number, seed: number): { clock: ManualClock; nodes: Gossip[] } {
  const clock = new ManualClock();
  const net = new MemoryNetwork({ clock }, { seed, defaults: { latencyMs: 1, jitterMs: 1 } });
  const nodes = Array.from({ length: n }, (_, i) =>
    gossip({ preset: 'lan', keys: [KEY] })({
      clock,
      transport: net.createTransport(`n${i}`),
      random: seededRandom(seed * 1000 + i)
    })
  );
  for (const node of nodes) node.start();
  for (const node of nodes.slice(1)) void node.join(['n0']);
  for (const node of nodes) node.joinNetwork('ov');
  return { clock, nodes };
}

/** Convergence times (ms) of WRITES_PER_RUN writes from random nodes in one seeded cluster. */
function runOnce(n: number, seed: number): number[] {
  const { clock, nodes } = cluster(n, seed);
  const ready = (): boolean =>
    nodes.every((g) => g.networkNodes('ov').length === n && g.members().every((m) => m.state === 'alive'));
  tickUntil(clock, ready, { what: `${n} nodes converged (seed ${seed})`, timeoutMs: 120_000, stepMs: 100 });
  clock.tick(10_000); // let the join broadcasts drain so writes gossip on quiet queues
  const random = seededRandom(seed);
  const times: number[] = [];
  for (let w = 0; w < WRITES_PER_RUN; w++) {
    const writer = nodes[Math.floor(random() * n)]!;
    const key = `ep-${w}`;
    clock.tick(Math.floor(random() * 1000)); // write at a random phase of the gossip tick
    const start = clock.now();
    writer.create('endpoint_table', 'ov', key, new Uint8Array(64));
    const everywhere = (): boolean => nodes.every((g) => g.get('endpoint_table', 'ov', key) !== undefined);
    tickUntil(clock, everywhere, {
      what: `write ${key} on all ${n} nodes (seed ${seed})`,
      timeoutMs: 60_000,
      stepMs: 5
    });
    times.push(clock.now() - start);
  }
  for (const node of nodes) node.stop();
  return times;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Measured p50/p99 convergence per cluster size, each beside the Serf model's time to 99.99 %. */
export async function runGossipBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const samples: number[] = [];
    for (let seed = 1; seed <= seedsFor(n); seed++) samples.push(...runOnce(n, seed));
    samples.sort((a, b) => a - b);
    const model = serfModelMs(n, 3, 200);
    const reference = 'Serf model, 99.99 % informed (gossip 200 ms, fanout 3), virtual ms';
    for (const p of [50, 99]) {
      const value = percentile(samples, p);
      rows.push({
        name: `table write convergence, ${n} nodes, lan preset, p${p} of ${samples.length} writes (virtual time)`,
        unit: 'ms',
        value,
        reference,
        referenceValue: model,
        referenceUnit: 'ms (model)',
        ratio: Number((value / model).toFixed(3))
      });
    }
  }
  return rows;
}
