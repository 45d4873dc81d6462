/**
 * @packageDocumentation
 * A whole simulated Docker Swarm: `Cluster.start(spec)` boots one node per spec node, runs `swarm init` on the
 * leader, joins the others and creates the spec's networks, services and containers. Two runtimes behind one
 * {@link Cluster} interface: `in-process` (the default: every node in this thread on a seeded MemoryNetwork and,
 * unless a clock is given, a ManualClock — deterministic for a seed) and `worker` (one worker thread per node,
 * real time, WebSockets on loopback). `@swarmsim/cluster/behaviour-suite` runs one behaviour suite against both.
 *
 * @example
 * ```ts
 * import { Cluster } from '@swarmsim/cluster';
 * const cluster = await Cluster.start({ nodes: 3, seed: 7 });
 * await cluster.waitConverged();                     // web ×3 running, 1 per node
 * await cluster.services.scale('web', 6);           // same async API for runtime: 'worker'
 * await cluster.waitConverged();
 * await cluster.kill('node-2');
 * await cluster.waitConverged();                     // node-2 Down, its tasks rescheduled
 * console.log((await cluster.services.tasks('web')).filter((t) => t.DesiredState === 'running').length); // 6
 * await cluster.stop();
 * ```
 */
export { Cluster, type ClusterComponents } from './cluster.js';
export { InProcessCluster } from './in-process-cluster.js';
export { WorkerCluster, type WorkerClusterOptions } from './worker-cluster.js';
export type { WaitConvergedOptions } from './wait-converged.js';
export { ClusterServices, ClusterNetworks, ClusterSwarmNodes, type ManagerCaller } from './resources.js';
export { ClusterContainers, type ContainerCaller, type PlacedContainer } from './containers.js';
export { ClusterError, type ClusterErrorCode, type ClusterErrorType } from './errors.js';
export { specOf, toNetworkRequest, toServiceSpec, type ClusterStartOptions } from './spec.js';
export { loadClusterConfig } from './load-config.js';
export { convergenceGaps, type NodeView } from './convergence.js';
