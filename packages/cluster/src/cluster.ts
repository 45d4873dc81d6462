import type { ClusterSpec } from '@swarmsim/config';
import type { Clock, Logger } from '@swarmsim/interface';
import type { NodeStatus } from '@swarmsim/node';
import type { ClusterContainers } from './containers.js';
import { ClusterError } from './errors.js';
import { InProcessCluster } from './in-process-cluster.js';
import type { ClusterNetworks, ClusterServices, ClusterSwarmNodes } from './resources.js';
import { isClusterSpec, specOf, type ClusterStartOptions } from './spec.js';
import type { WaitConvergedOptions } from './wait-converged.js';
import { WorkerCluster } from './worker-cluster.js';

/** Collaborators of a cluster. */
export interface ClusterComponents {
  /**
   * The in-process runtime's clock. @default a new ManualClock: virtual time, advanced by the cluster while it
   * waits. The worker runtime runs in real time and refuses one (CLUSTER_ERR_RUNTIME_UNAVAILABLE).
   */
  clock?: Clock;
  /** Where the nodes' log lines go (one child per node and component). */
  logger?: Logger;
}

/**
 * A running simulated swarm, whichever runtime carries it: every method is async and behaves the same in the
 * in-process runtime (one thread, virtual time) and the worker runtime (one thread per node, real time). Coded
 * failures are the same classes with the same codes in both (`SwarmError` SWARM_ERR_NOT_FOUND, `ContainerError`
 * CONTAINER_ERR_PORT_ALLOCATED …); `@swarmsim/cluster/behaviour-suite` checks both against one suite.
 */
export interface Cluster {
  /** Which runtime carries the nodes. */
  readonly runtime: 'in-process' | 'worker';
  /** The spec the cluster was started from. */
  readonly spec: ClusterSpec;
  /** `docker service …` on the leader. */
  readonly services: ClusterServices;
  /** `docker network … -d overlay` on the leader. */
  readonly networks: ClusterNetworks;
  /** `docker node …` on the leader. */
  readonly swarmNodes: ClusterSwarmNodes;
  /** `docker run`, `docker ps`, `docker network create -d bridge` … on one node. */
  readonly containers: ClusterContainers;
  /** Status of every live node, by name, in spec order. */
  statuses(): Promise<Map<string, NodeStatus>>;
  /** What keeps the cluster from being converged now, one line per gap (empty when converged). */
  gaps(): Promise<string[]>;
  /**
   * Resolves once the cluster converged (see {@link gaps}), returning the cluster time spent: virtual time
   * in-process (ticked by the cluster itself, so it costs little real time), real time for workers.
   */
  waitConverged(options?: WaitConvergedOptions): Promise<number>;
  /** The node crashes without a goodbye: heartbeats stop, the leader marks it Down and reschedules its tasks. */
  kill(name: string): Promise<void>;
  /** Stops every node and releases what the cluster holds (timers, sockets, threads). */
  stop(): Promise<void>;
}

/** Starts a cluster in the worker runtime (one worker thread per node, real time). */
function start(
  options: ClusterStartOptions & { runtime: 'worker' },
  components?: ClusterComponents
): Promise<WorkerCluster>;
/** Starts a cluster in the in-process runtime (the default): one thread, a virtual clock unless one is given. */
function start(
  options?: ClusterSpec | (ClusterStartOptions & { runtime?: 'in-process' }),
  components?: ClusterComponents
): Promise<InProcessCluster>;
/** Starts a cluster in the runtime `options.runtime` names. */
function start(options: ClusterSpec | ClusterStartOptions, components?: ClusterComponents): Promise<Cluster>;
async function start(
  options: ClusterSpec | ClusterStartOptions = {},
  components: ClusterComponents = {}
): Promise<InProcessCluster | WorkerCluster> {
  if (isClusterSpec(options)) return InProcessCluster.start(options, { seed: 1 }, components);
  const spec = specOf(options);
  const seed = options.seed ?? 1;
  if (options.runtime !== 'worker') return InProcessCluster.start(spec, { seed }, components);
  // Workers run on real time: a clock in this thread cannot drive their timers.
  if (components.clock !== undefined) {
    throw new ClusterError(
      { code: 'CLUSTER_ERR_RUNTIME_UNAVAILABLE', runtime: 'worker' },
      "runtime 'worker' runs in real time and takes no clock"
    );
  }
  return WorkerCluster.start(spec, {
    seed,
    ...(components.logger === undefined ? {} : { logger: components.logger }),
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel })
  });
}

/** Builds and boots clusters: `Cluster.start({ nodes, seed, runtime })`, `Cluster.start({ spec })`. */
export const Cluster = { start } as const;
