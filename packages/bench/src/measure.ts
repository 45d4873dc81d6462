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
export function measureRate(
  batch: () => void,
  opsPerBatch: number,
  options: { ms?: number; runs?: number } = {}
): Rate {
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

/** A workload measured against its reference in alternating runs. */
export interface PairedRate {
  work: Rate;
  reference: Rate;
  /** Median of the per-run ratios work/reference: robust when the machine's speed drifts during the run. */
  ratio: number;
}

/**
 * Measures `work` and `reference` in alternating runs, so both see the same machine conditions, and reports
 * the median of the per-pair ratios (shared, noisy machines make absolute numbers drift between runs).
 */
export function measurePaired(
  work: { batch: () => void; ops: number },
  reference: { batch: () => void; ops: number },
  options: { ms?: number; runs?: number } = {}
): PairedRate {
  const runs = options.runs ?? 5;
  const w: number[] = [];
  const r: number[] = [];
  const ratios: number[] = [];
  // One warm-up of each, then `runs` alternating pairs.
  measureRate(work.batch, work.ops, { ms: options.ms, runs: 1 });
  measureRate(reference.batch, reference.ops, { ms: options.ms, runs: 1 });
  for (let i = 0; i < runs; i++) {
    const a = measureRate(work.batch, work.ops, { ms: options.ms, runs: 1 }).opsPerSec;
    const b = measureRate(reference.batch, reference.ops, { ms: options.ms, runs: 1 }).opsPerSec;
    w.push(a);
    r.push(b);
    ratios.push(a / b);
  }
  return { work: summarize(w), reference: summarize(r), ratio: median(ratios) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function summarize(runs: number[]): Rate {
  return { opsPerSec: median(runs), runs };
}
