import type * as Vitest from 'vitest';
import type { NodeStatus } from '@swarmsim/node';
import type { Cluster } from '../cluster.js';
import type { ClusterStartOptions } from '../spec.js';

/** The parts of vitest the suite uses, imported lazily so the package loads outside a test runner. */
export type VitestApi = Pick<typeof Vitest, 'afterEach' | 'describe' | 'expect' | 'it'>;

/** Starts a cluster of the runtime under test from runtime-neutral options (`nodes`, `seed`, `spec`). */
export type StartCluster = (options: Omit<ClusterStartOptions, 'runtime'>) => Promise<Cluster>;

/** Pacing of the suite: virtual time costs nothing, real time wants patience. */
export interface ClusterSuiteOptions {
  /** `timeoutMs` of each `waitConverged` in the suite. @default 120000 (virtual time) */
  convergeTimeoutMs?: number;
  /** How long a test that expects no convergence waits before CLUSTER_ERR_NOT_CONVERGED. @default 1000 */
  notConvergedTimeoutMs?: number;
  /** vitest timeout of each test. @default 60000 */
  testTimeoutMs?: number;
}

/** Running tasks of `service` per live node, from the nodes' own statuses. */
export function spread(statuses: Map<string, NodeStatus>, service: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, s] of statuses)
    out[name] = s.tasks.filter((t) => t.serviceName === service && t.state === 'running').length;
  return out;
}

/** The thrown value of a promise that must reject (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (err: unknown) => err
  );
}
