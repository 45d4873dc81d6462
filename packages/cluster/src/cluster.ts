import type { ClusterSpec } from '@swarmsim/config';
import { seededRandom, silentLogger, type Clock, type Logger } from '@swarmsim/interface';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { InProcessNode, nodeStatus, runContainerCall, runManagerCall, type NodeStatus } from '@swarmsim/node';
import { ClusterContainers, type ContainerCaller } from './containers.js';
import type { Manager } from '@swarmsim/swarm';
import { ManualClock, MemoryNetwork } from '@swarmsim/testkit';
import { convergenceGaps } from './convergence.js';
import { advance, settle } from './drive.js';
import { ClusterError } from './errors.js';
import { createSpecResources } from './spec-resources.js';
import { ClusterNetworks, ClusterServices, ClusterSwarmNodes, type ManagerCaller } from './resources.js';
import { isClusterSpec, specOf, type ClusterStartOptions } from './spec.js';
import { WorkerCluster } from './worker-cluster.js';

/** Collaborators of a {@link Cluster}. */
export interface ClusterComponents {
  /** @default a new ManualClock: virtual time, advanced by the cluster while it waits */
  clock?: Clock;
  logger?: Logger;
}

/** Options of {@link Cluster.waitConverged}. */
export interface WaitConvergedOptions {
  /** Give up (CLUSTER_ERR_NOT_CONVERGED) after this much clock time. @default 120000 */
  maxMs?: number;
  /** Clock time between checks; a ManualClock is ticked by this much each step. @default 50 */
  stepMs?: number;
  signal?: AbortSignal;
}

// Long enough for the `lan` preset's slowest path (Down after 3 × 5 s, then the 5 s restart delay), with margin.
const DEFAULT_MAX_MS = 120_000;
// Half the `local` heartbeat period: fine enough that convergence is noticed promptly, coarse enough to be cheap.
const DEFAULT_STEP_MS = 50;

/**
 * A whole swarm in this process: one fabric and underlay wire, a seeded {@link MemoryNetwork} between the
 * nodes, one {@link InProcessNode} per spec node (the leader runs `swarm init`, the others join), and the
 * spec's networks and services created through the leader's manager.
 */
export class Cluster {
  /** `docker service …` on the leader. */
  readonly services: ClusterServices;
  /** `docker network … -d overlay` on the leader. */
  readonly networks: ClusterNetworks;
  /** `docker node …` on the leader. */
  readonly swarmNodes: ClusterSwarmNodes;
  /** `docker run`, `docker ps`, `docker network create -d bridge` … on one node. */
  readonly containers: ClusterContainers;
  private stopped = false;

  private constructor(
    readonly spec: ClusterSpec,
    readonly clock: Clock,
    readonly fabric: Fabric,
    readonly underlay: Wire,
    readonly network: MemoryNetwork,
    readonly nodes: readonly InProcessNode[]
  ) {
    // Async like the worker runtime's, so code written against one runtime runs on the other.
    const call: ManagerCaller = async (c) => runManagerCall(this.manager, c);
    this.services = new ClusterServices(call);
    this.networks = new ClusterNetworks(call);
    this.swarmNodes = new ClusterSwarmNodes(call);
    // Starting an app may wait on the clock (a ManualClock does not move by itself), hence settle().
    const onNode: ContainerCaller = (node, c) =>
      settle(this.clock, runContainerCall(this.node(node).containers, c), DEFAULT_STEP_MS, DEFAULT_MAX_MS);
    this.containers = new ClusterContainers(onNode, () => this.nodes.filter((n) => !n.stopped).map((n) => n.name));
  }

  /** `runtime: 'worker'`: one worker thread per node in real time (see {@link WorkerCluster}). */
  static start(
    spec: ClusterStartOptions & { runtime: 'worker' },
    components?: ClusterComponents
  ): Promise<WorkerCluster>;
  /** Builds and boots a cluster from a spec, or from `{ nodes, seed }` on top of the default spec. */
  static start(spec?: ClusterSpec | ClusterStartOptions, components?: ClusterComponents): Promise<Cluster>;
  static async start(
    spec: ClusterSpec | ClusterStartOptions = {},
    components: ClusterComponents = {}
  ): Promise<Cluster | WorkerCluster> {
    if (!isClusterSpec(spec) && spec.runtime === 'worker') {
      // Workers run on real time: a ManualClock in this thread cannot drive their timers.
      if (components.clock !== undefined) {
        throw new ClusterError(
          { code: 'CLUSTER_ERR_RUNTIME_UNAVAILABLE', runtime: 'worker' },
          "runtime 'worker' runs in real time and takes no clock"
        );
      }
      return WorkerCluster.start(specOf(spec), {
        seed: spec.seed ?? 1,
        ...(components.logger === undefined ? {} : { logger: components.logger }),
        ...(spec.logLevel === undefined ? {} : { logLevel: spec.logLevel })
      });
    }
    const full = isClusterSpec(spec) ? spec : specOf(spec);
    const seed = isClusterSpec(spec) ? 1 : (spec.seed ?? 1);
    const clock = components.clock ?? new ManualClock();
    const logger = components.logger ?? silentLogger;
    const fabric = new Fabric({ clock, logger }, { seed });
    const underlay = new Wire('underlay');
    const network = new MemoryNetwork({ clock }, { seed });
    const nodes = full.nodes.map((n, i) => {
      // Real listeners for `-p` only on a real clock: virtual time could not carry a real connection.
      const publish = clock instanceof ManualClock ? {} : { publishAddress: n.hostAddress };
      const init = {
        name: n.name,
        underlayIp: n.underlayIp,
        underlayPrefix: n.underlayPrefix,
        labels: { ...n.labels },
        preset: full.gossip.preset,
        gossip: full.gossip.overrides,
        defaultAddrPool: [...full.defaultAddressPools],
        ...publish
      };
      const transport = network.createTransport(n.name);
      return new InProcessNode(init, {
        clock,
        fabric,
        wire: underlay,
        transport,
        logger,
        random: seededRandom(seed * 1000 + i)
      });
    });
    const cluster = new Cluster(full, clock, fabric, underlay, network, nodes);
    await cluster.boot();
    return cluster;
  }

  /** The node running the leader manager. */
  get leader(): InProcessNode {
    const leader = this.nodes.find((n) => n.isLeader);
    if (leader === undefined) throw new ClusterError({ code: 'CLUSTER_ERR_NO_LEADER' }, 'no leader');
    return leader;
  }

  /** The leader's control plane. */
  get manager(): Manager {
    return this.leader.manager;
  }

  /** A node by name; throws CLUSTER_ERR_NO_SUCH_NODE. */
  node(name: string): InProcessNode {
    const node = this.nodes.find((n) => n.name === name);
    if (node === undefined) throw new ClusterError({ code: 'CLUSTER_ERR_NO_SUCH_NODE', node: name }, `no node ${name}`);
    return node;
  }

  /** Status of every live node, by name (the same plain data as {@link WorkerCluster.statuses}). */
  async statuses(): Promise<Map<string, NodeStatus>> {
    return new Map(this.nodes.filter((n) => !n.stopped).map((n) => [n.name, nodeStatus(n)] as const));
  }

  /** What keeps the cluster from being converged now (empty when converged). */
  gaps(): string[] {
    return convergenceGaps(this.nodes, this.manager);
  }

  /**
   * Resolves once the cluster converged (see {@link gaps}), checking every `stepMs` of clock time. With a
   * ManualClock it ticks virtual time itself, so it returns at once in real time; returns the clock time spent.
   */
  async waitConverged(options: WaitConvergedOptions = {}): Promise<number> {
    options.signal?.throwIfAborted();
    this.assertRunning();
    const { maxMs = DEFAULT_MAX_MS, stepMs = DEFAULT_STEP_MS } = options;
    const start = this.clock.now();
    for (;;) {
      const gaps = this.gaps();
      if (gaps.length === 0) return this.clock.now() - start;
      if (this.clock.now() - start >= maxMs) {
        throw new ClusterError(
          { code: 'CLUSTER_ERR_NOT_CONVERGED', pending: gaps },
          `not converged after ${maxMs} ms: ${gaps.join('; ')}`
        );
      }
      options.signal?.throwIfAborted();
      await advance(this.clock, stepMs);
    }
  }

  /** The node crashes: the network drops everything to and from it and its process stops (no goodbye). */
  kill(name: string): void {
    const node = this.node(name);
    this.network.crash(name);
    node.crash();
  }

  /** Stops every node; with a ManualClock, in-flight messages are drained so no timer is left. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.nodes.map((n) => n.stop()));
    if (this.clock instanceof ManualClock) this.clock.runAll(DEFAULT_MAX_MS);
  }

  private async boot(): Promise<void> {
    const leader = this.spec.nodes.find((n) => n.leader) ?? this.spec.nodes[0];
    if (leader === undefined) throw new ClusterError({ code: 'CLUSTER_ERR_NO_LEADER' }, 'the spec has no nodes');
    const first = this.node(leader.name);
    const tokens = await settle(this.clock, first.initSwarm(), DEFAULT_STEP_MS, DEFAULT_MAX_MS);
    for (const n of this.spec.nodes) {
      if (n.name === leader.name) continue;
      const token = n.role === 'manager' ? tokens.manager : tokens.worker;
      await settle(this.clock, this.node(n.name).joinSwarm(leader.name, token), DEFAULT_STEP_MS, DEFAULT_MAX_MS);
    }
    await createSpecResources(this.spec, this);
  }

  private assertRunning(): void {
    if (this.stopped) throw new ClusterError({ code: 'CLUSTER_ERR_STOPPED' }, 'the cluster was stopped');
  }
}
