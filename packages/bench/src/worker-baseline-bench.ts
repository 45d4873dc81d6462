import { Worker } from 'node:worker_threads';
import { unpack } from 'msgpackr';
import type { BenchRow } from './netmodel-bench.js';

const SIZES = [3, 10, 50, 100];
const entry = new URL('./baseline-worker.js', import.meta.url);

/** Spawns `n` bare workers; resolves with the time until all are ready and the RSS they added. */
export async function spawnBareWorkers(
  n: number
): Promise<{ readyMs: number; rssPerWorkerMiB: number; stop: () => Promise<void> }> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const workers = Array.from({ length: n }, () => new Worker(entry));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('error', reject);
          w.once('message', (m: Uint8Array) =>
            (unpack(m) as { type: string }).type === 'ready' ? resolve() : reject(new Error('bad hello'))
          );
        })
    )
  );
  const readyMs = performance.now() - t0;
  const rssPerWorkerMiB = (process.memoryUsage().rss - rssBefore) / n / 2 ** 20;
  const stop = async () => {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.postMessage('stop');
          })
      )
    );
  };
  return { readyMs, rssPerWorkerMiB, stop };
}

/**
 * The reference for issue 4's boot benchmark: N workers that only load ws and msgpackr and open a ws server
 * (the issue quotes ~140 ms for 3 and ~3.7 s for 100, ~14 MiB each on these machines). Node runtimes will be
 * measured against this in the same run once the `node` package exists.
 */
export async function runWorkerBaselineBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const { readyMs, rssPerWorkerMiB, stop } = await spawnBareWorkers(n);
    await stop();
    const expected = n === 3 ? 140 : n === 100 ? 3700 : undefined;
    rows.push({
      name: `bare worker_threads spawn to ready (ws + msgpackr + ws server), ${n} workers`,
      unit: 'ms',
      value: Math.round(readyMs),
      reference: expected === undefined ? 'issue 4 figure: none for this size' : "issue 4's figure for these machines",
      referenceValue: expected ?? 0,
      referenceUnit: 'ms',
      ratio: expected === undefined ? 0 : Number((readyMs / expected).toFixed(3))
    });
    rows.push({
      name: `bare worker RSS added per worker, ${n} workers`,
      unit: 'MiB',
      value: Number(rssPerWorkerMiB.toFixed(1)),
      reference: "issue 4's figure for these machines",
      referenceValue: 14,
      referenceUnit: 'MiB',
      ratio: Number((rssPerWorkerMiB / 14).toFixed(3))
    });
  }
  return rows;
}
