/**
 * @packageDocumentation
 * A whole simulated Docker Swarm in one process: `Cluster.start(spec)` builds the fabric, the underlay, a
 * seeded MemoryNetwork and one InProcessNode per node, runs `swarm init` on the leader, joins the others,
 * and creates the spec's overlay networks and services. With the default ManualClock everything runs in
 * virtual time and is deterministic for a seed. `Cluster.start({ runtime: 'worker' })` instead returns a
 * {@link WorkerCluster}: one worker thread per node in real time, nodes talking over ws on loopback.
 *
 * @example
 * ```ts
 * import { Cluster } from '@swarmsim/cluster';
 * const cluster = await Cluster.start({ nodes: 3, seed: 7 });
 * await cluster.waitConverged();                     // web ×3 running, 1 per node
 * await cluster.services.scale('web', 6);           // same async API for runtime: 'worker'
 * await cluster.waitConverged();
 * cluster.kill('node-2');
 * await cluster.waitConverged();                     // node-2 Down, its tasks rescheduled
 * await cluster.stop();
 * ```
 */
export { Cluster, type ClusterComponents, type WaitConvergedOptions } from './cluster.js';
export { ClusterServices, ClusterNetworks, ClusterSwarmNodes, type ManagerCaller } from './resources.js';
export { ClusterContainers, type ContainerCaller, type PlacedContainer } from './containers.js';
export { ClusterError, type ClusterErrorCode, type ClusterErrorType } from './errors.js';
export { specOf, toNetworkRequest, toServiceSpec, type ClusterStartOptions } from './spec.js';
export { loadClusterConfig } from './load-config.js';
export { convergenceGaps } from './convergence.js';
export { WorkerCluster, type WaitWorkersOptions, type WorkerClusterOptions } from './worker-cluster.js';
export { snapshotGaps, type NodeView } from './worker-convergence.js';
