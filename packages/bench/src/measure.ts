/** Result of one measured workload. */
export interface Rate {
  /** Operations per second, the median of the runs. */
  opsPerSec: number;
  runs: number[];
}

/**
 * Calls `batch` (which performs `opsPerBatch` operations) repeatedly for about `ms` per run, `runs` times,
 * after one warm-up run, and reports the median rate. Wall-clock is fine here: benchmarks, not tests.
 */
export function measureRate(batch: () => void, opsPerBatch: number, options: { ms?: number; runs?: number } = {}): Rate {
  const ms = options.ms ?? 1000;
  const runs = options.runs ?? 5;
  const rates: number[] = [];
  for (let r = 0; r <= runs; r++) {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      batch();
      ops += opsPerBatch;
      elapsed = performance.now() - start;
    }
    if (r > 0) rates.push((ops * 1000) / elapsed);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  return { opsPerSec: sorted[Math.floor(sorted.length / 2)]!, runs: rates };
}
