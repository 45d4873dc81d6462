import { ClusterError } from './errors.js';

/** Options of {@link Cluster.waitConverged}; the same in both runtimes. */
export interface WaitConvergedOptions {
  /**
   * Give up (CLUSTER_ERR_NOT_CONVERGED, listing what is missing) after this much of the cluster's time: virtual
   * time in-process (costing no real time), real time for workers. @default 120000
   */
  timeoutMs?: number;
  /** Time between checks; a virtual clock is ticked by this much each step. @default 50 */
  intervalMs?: number;
  signal?: AbortSignal;
}

// Long enough for the `lan` preset's slowest path (Down after 3 × 5 s, then the 5 s restart delay), with margin.
export const DEFAULT_CONVERGE_TIMEOUT_MS = 120_000;
// Half the `local` heartbeat period: fine enough that convergence is noticed promptly, coarse enough to be cheap.
export const DEFAULT_CONVERGE_INTERVAL_MS = 50;

/** How one runtime is observed and how its time passes. */
export interface ConvergenceProbe {
  /** The current gaps (see `convergenceGaps`). */
  gaps(): Promise<string[]>;
  /** The runtime's time in ms. */
  now(): number;
  /** Lets `ms` of the runtime's time pass. */
  pass(ms: number): Promise<void>;
}

/** Checks the gaps every `intervalMs` until there are none; returns the runtime time spent. */
export async function waitUntilConverged(probe: ConvergenceProbe, options: WaitConvergedOptions = {}): Promise<number> {
  const { timeoutMs = DEFAULT_CONVERGE_TIMEOUT_MS, intervalMs = DEFAULT_CONVERGE_INTERVAL_MS, signal } = options;
  const start = probe.now();
  for (;;) {
    signal?.throwIfAborted();
    const gaps = await probe.gaps();
    if (gaps.length === 0) return probe.now() - start;
    if (probe.now() - start >= timeoutMs) {
      throw new ClusterError(
        { code: 'CLUSTER_ERR_NOT_CONVERGED', pending: gaps },
        `not converged after ${timeoutMs} ms: ${gaps.join('; ')}`
      );
    }
    await probe.pass(intervalMs);
  }
}
