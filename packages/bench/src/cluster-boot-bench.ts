import { specOf, WorkerCluster } from '@swarmsim/cluster';
import type { BenchRow } from './netmodel-bench.js';
import { spawnBareWorkers } from './worker-baseline-bench.js';

const SIZES = [3, 10, 50, 100];
// Generous: 50 workers share a small machine's cores while they boot, join and gossip.
const CONVERGE_TIMEOUT_MS = 180_000;

/** Boots an n-node worker-thread cluster (`local` preset) to convergence; returns time to ready and RSS per node. */
async function bootWorkerCluster(n: number): Promise<{ readyMs: number; rssPerNodeMiB: number }> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const cluster = await WorkerCluster.start(specOf({ nodes: n }), { seed: 1 });
  try {
    await cluster.waitConverged({ timeoutMs: CONVERGE_TIMEOUT_MS, intervalMs: 100 });
    const readyMs = performance.now() - t0;
    return { readyMs, rssPerNodeMiB: (process.memoryUsage().rss - rssBefore) / n / 2 ** 20 };
  } finally {
    await cluster.stop();
  }
}

/** The bare-worker reference for the same size, measured now so both see the same machine. */
async function bareWorkers(n: number): Promise<{ readyMs: number; rssPerWorkerMiB: number }> {
  const { readyMs, rssPerWorkerMiB, stop } = await spawnBareWorkers(n);
  await stop();
  return { readyMs, rssPerWorkerMiB };
}

/**
 * Issue 4's boot benchmark: N worker-thread nodes (`local` preset) from spawn to ready — every node joined,
 * Ready, seen alive by every other node's gossip and the `web` service running — and the RSS each adds, beside
 * N bare workers (ws + msgpackr + a ws server) measured in the same run.
 */
export async function runClusterBootBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const bare = await bareWorkers(n);
    const node = await bootWorkerCluster(n);
    rows.push({
      name: `worker-thread cluster boot to converged, ${n} nodes (local preset)`,
      unit: 'ms',
      value: Math.round(node.readyMs),
      reference: `${n} bare workers spawn to ready, same run`,
      referenceValue: Math.round(bare.readyMs),
      referenceUnit: 'ms',
      ratio: Number((node.readyMs / bare.readyMs).toFixed(2))
    });
    rows.push({
      name: `worker-thread node RSS added per node, ${n} nodes`,
      unit: 'MiB',
      value: Number(node.rssPerNodeMiB.toFixed(1)),
      reference: `bare worker RSS per worker, ${n} workers, same run`,
      referenceValue: Number(bare.rssPerWorkerMiB.toFixed(1)),
      referenceUnit: 'MiB',
      ratio: Number((node.rssPerNodeMiB / bare.rssPerWorkerMiB).toFixed(2))
    });
  }
  return rows;
}
