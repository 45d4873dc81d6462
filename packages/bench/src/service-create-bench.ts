import { Cluster, specOf, WorkerCluster } from '@swarmsim/cluster';
import type { ClusterServices } from '@swarmsim/cluster';
import { ManualClock } from '@swarmsim/clock';
import type { BenchRow } from './netmodel-bench.js';

const SIZES = [3, 10];
const RUNS = 7;
const REPLICAS_PER_NODE = 2;
// Polling the leader's task list: fine enough to resolve a few ms, coarse enough not to load the leader thread.
const POLL_MS = 2;

/** True when `name` has `replicas` tasks reported running to the leader. */
async function allRunning(services: ClusterServices, name: string, replicas: number): Promise<boolean> {
  const tasks = await services.tasks(name);
  return tasks.filter((t) => t.DesiredState === 'running' && t.Status.State === 'running').length === replicas;
}

/** Removes the service and waits until no task of it is left on the leader (so the next run starts clean). */
async function removeAndDrain(services: ClusterServices, name: string, wait: () => Promise<void>): Promise<void> {
  await services.remove(name);
  while ((await services.list()).some((s) => s.Spec.Name === name)) await wait();
}

/** Median over RUNS of create → all running (time from `now`), removing the service after each run. */
async function medianCreateTime(
  services: ClusterServices,
  n: number,
  now: () => number,
  wait: () => Promise<void>
): Promise<number> {
  const replicas = n * REPLICAS_PER_NODE;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    await services.create({ name: 'probe', image: 'whoami', replicas });
    while (!(await allRunning(services, 'probe', replicas))) await wait();
    times.push(now() - t0);
    await removeAndDrain(services, 'probe', wait);
  }
  return median(times);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Real time from `service create` to every task running, worker-thread nodes; median of RUNS. */
async function workerRuns(n: number): Promise<number> {
  const cluster = await WorkerCluster.start({ ...specOf({ nodes: n }), services: [] }, { seed: 1 });
  const sleep = (): Promise<void> => new Promise((r) => setTimeout(r, POLL_MS));
  try {
    await cluster.waitConverged({ timeoutMs: 120_000 });
    return await medianCreateTime(cluster.services, n, () => performance.now(), sleep);
  } finally {
    await cluster.stop();
  }
}

/** Virtual time for the same operation in-process (ManualClock, 1 ms steps): the protocol's own latency. */
async function virtualRuns(n: number): Promise<number> {
  const clock = new ManualClock();
  const cluster = await Cluster.start({ spec: { ...specOf({ nodes: n }), services: [] } }, { clock });
  const step = async (): Promise<void> => {
    clock.tick(1);
    for (let k = 0; k < 20; k++) await Promise.resolve();
  };
  try {
    await cluster.waitConverged();
    return await medianCreateTime(cluster.services, n, () => clock.now(), step);
  } finally {
    await cluster.stop();
  }
}

/**
 * Issue 4: `docker service create` (whoami, 2 replicas per node) until the leader sees every task running, on
 * worker-thread nodes in real time, beside the same operation in-process in virtual time — the latency the
 * protocol itself imposes (message hops and timers, no CPU cost), so the ratio is what real threads add.
 */
export async function runServiceCreateBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const virtual = await virtualRuns(n);
    const real = await workerRuns(n);
    rows.push({
      name: `service create → ${n * REPLICAS_PER_NODE} tasks running, ${n} worker-thread nodes (median of ${RUNS})`,
      unit: 'ms',
      value: Number(real.toFixed(1)),
      reference: `same in-process, virtual time (protocol latency), median of ${RUNS}`,
      referenceValue: virtual,
      referenceUnit: 'virtual ms',
      ratio: Number((real / Math.max(1, virtual)).toFixed(2))
    });
  }
  return rows;
}
