import { randomBytes } from 'node:crypto';
import type { ClusterSpec } from '@swarmsim/config';
import { isSwarmsimError, type Logger } from '@swarmsim/interface';
import type { LogLevel } from '@swarmsim/log';
import { WorkerNode, type NodeStatus } from '@swarmsim/node';
import type { Cluster } from './cluster.js';
import { ClusterNetworks, ClusterServices, ClusterSwarmNodes, type ManagerCaller } from './resources.js';
import { ClusterError } from './errors.js';
import { ClusterContainers } from './containers.js';
import { createSpecResources } from './spec-resources.js';
import { nodeInitOf } from './spec.js';
import { convergenceGaps, type NodeView } from './convergence.js';
import { waitUntilConverged, type WaitConvergedOptions } from './wait-converged.js';

// Joins in flight at once; enough to overlap the leader's round trips without starving its thread.
const JOIN_CONCURRENCY = 8;
// A refused join is retried (the docker CLI retries its dial) until this long after the first attempt: a leader
// thread sharing a small machine with dozens of booting nodes may not answer a handshake for a while.
const JOIN_DEADLINE_MS = 120_000;
// A join waits for the leader's answer; with dozens of workers on a few cores the leader can lag well past 10 s.
const REQUEST_TIMEOUT_MS = 60_000;
// Retry delay, growing linearly to 5 s (ws-transport's reconnect ceiling), so a retry does not fail at once on `backoff`.
const JOIN_RETRY_MS = 1000;

/** Options of {@link WorkerCluster.start}. */
export interface WorkerClusterOptions {
  /** Seed of every node's RNG. @default 1 */
  seed?: number;
  /** Where the nodes' log lines go (one child per node and component: `{ node, component }`). */
  logger?: Logger;
  /** Lowest level the node threads forward. @default 'info' with a logger, else 'silent' */
  logLevel?: LogLevel;
}

/**
 * A swarm of worker-thread nodes: one {@link WorkerNode} per spec node, each with real time, its own fabric and a
 * ws transport on its own loopback address. The main thread only orchestrates: address book, init, joins, the
 * spec's networks and services, then status polls.
 */
export class WorkerCluster implements Cluster {
  readonly runtime = 'worker' as const;
  readonly services: ClusterServices;
  readonly networks: ClusterNetworks;
  readonly swarmNodes: ClusterSwarmNodes;
  readonly containers: ClusterContainers;
  private readonly killed = new Set<string>();
  private stopped = false;

  private constructor(
    readonly spec: ClusterSpec,
    readonly nodes: readonly WorkerNode[],
    private readonly leaderName: string
  ) {
    const call: ManagerCaller = (c) => this.leader.manager(c);
    this.services = new ClusterServices(call);
    this.networks = new ClusterNetworks(call);
    this.swarmNodes = new ClusterSwarmNodes(call);
    this.containers = new ClusterContainers(
      (node, c) => this.node(node).containers(c),
      () => this.nodes.filter((n) => !this.killed.has(n.name)).map((n) => n.name)
    );
  }

  /** Spawns every node worker, wires the address book, runs init and the joins, and creates the spec's resources. */
  static async start(spec: ClusterSpec, options: WorkerClusterOptions = {}): Promise<WorkerCluster> {
    const { seed = 1, logger, logLevel = logger === undefined ? 'silent' : 'info' } = options;
    const leader = spec.nodes.find((n) => n.leader) ?? spec.nodes[0];
    if (leader === undefined) throw new ClusterError({ code: 'CLUSTER_ERR_NO_LEADER' }, 'the spec has no nodes');
    // The nodes' shared ws secret: random, so no other local process can join the mesh (seeds only drive behaviour).
    const wsToken = randomBytes(16).toString('hex');
    const spawned = await Promise.allSettled(
      spec.nodes.map((n, i) => {
        const node = { ...nodeInitOf(spec, n), seed: seed * 1000 + i };
        return WorkerNode.spawn({
          node,
          host: n.hostAddress,
          wsToken,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
          logLevel,
          ...(logger === undefined ? {} : { logger })
        });
      })
    );
    const nodes = spawned.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const cluster = new WorkerCluster(spec, nodes, leader.name);
    const failed = spawned.find((r) => r.status === 'rejected');
    try {
      if (failed !== undefined) throw failed.reason;
      await cluster.boot();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** The leader node. */
  get leader(): WorkerNode {
    return this.node(this.leaderName);
  }

  /** A node by name; throws CLUSTER_ERR_NO_SUCH_NODE. */
  node(name: string): WorkerNode {
    const node = this.nodes.find((n) => n.name === name);
    if (node === undefined) throw new ClusterError({ code: 'CLUSTER_ERR_NO_SUCH_NODE', node: name }, `no node ${name}`);
    return node;
  }

  async statuses(): Promise<Map<string, NodeStatus>> {
    const live = this.nodes.filter((n) => !this.killed.has(n.name));
    return new Map(await Promise.all(live.map(async (n) => [n.name, await n.status()] as const)));
  }

  async gaps(): Promise<string[]> {
    this.assertRunning();
    const statuses = await this.statuses();
    const manager = statuses.get(this.leaderName)?.manager;
    if (manager === undefined) return ['leader: no manager status'];
    const views: NodeView[] = this.nodes.map((n) => {
      const status = statuses.get(n.name);
      return { name: n.name, live: !this.killed.has(n.name), ...(status === undefined ? {} : { status }) };
    });
    return convergenceGaps(views, manager);
  }

  async waitConverged(options: WaitConvergedOptions = {}): Promise<number> {
    const pass = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    return waitUntilConverged({ gaps: () => this.gaps(), now: () => performance.now(), pass }, options);
  }

  /** The node's process vanishes (`worker.terminate()`): heartbeats stop, the leader marks it Down and reschedules. */
  async kill(name: string): Promise<void> {
    const node = this.node(name);
    this.killed.add(name);
    await node.crash();
  }

  /** Stops every node and ends every worker thread; no thread or socket is left. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.nodes.map((n) => n.stop()));
  }

  private async boot(): Promise<void> {
    const book = Object.fromEntries(this.nodes.map((n) => [n.name, n.url]));
    await Promise.all(this.nodes.map((n) => n.setPeers(book)));
    const tokens = await this.leader.initSwarm();
    const joiners = this.spec.nodes.filter((n) => n.name !== this.leaderName);
    // A few joins at a time: on a small machine, 100 simultaneous handshakes starve the leader's thread.
    for (let i = 0; i < joiners.length; i += JOIN_CONCURRENCY) {
      await Promise.all(
        joiners
          .slice(i, i + JOIN_CONCURRENCY)
          .map((n) => this.join(n.name, n.role === 'manager' ? tokens.manager : tokens.worker))
      );
    }
    await createSpecResources(this.spec, this);
  }

  /** `swarm join`, retried when the leader could not be reached (as the docker CLI retries its dial). */
  private async join(name: string, token: string): Promise<void> {
    const deadline = performance.now() + JOIN_DEADLINE_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.node(name).joinSwarm(this.leaderName, token);
      } catch (err) {
        // Only an unreachable leader is worth another try; a bad token fails the same way every time.
        const retryable = isSwarmsimError(err, 'NODE_ERR_LEADER_UNREACHABLE');
        if (!retryable || performance.now() >= deadline) throw err;
      }
      // Past the transport's reconnect backoff, or the retry fails at once with `backoff`.
      await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS * Math.min(attempt, 5)));
    }
  }

  private assertRunning(): void {
    if (this.stopped) throw new ClusterError({ code: 'CLUSTER_ERR_STOPPED' }, 'the cluster was stopped');
  }
}
