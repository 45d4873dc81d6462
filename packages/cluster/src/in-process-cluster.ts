import type { ClusterSpec } from '@swarmsim/config';
import { ManualClock } from '@swarmsim/clock';
import { isVirtualClock, seededRandom, silentLogger, type Clock } from '@swarmsim/interface';
import { Fabric, Wire } from '@swarmsim/netmodel';
import {
  InProcessNode,
  managerSnapshot,
  nodeStatus,
  runContainerCall,
  runManagerCall,
  type NodeStatus
} from '@swarmsim/node';
import type { Manager } from '@swarmsim/swarm';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import type { Cluster, ClusterComponents } from './cluster.js';
import { ClusterContainers, type ContainerCaller } from './containers.js';
import { convergenceGaps, type NodeView } from './convergence.js';
import { advance, settle } from './drive.js';
import { ClusterError } from './errors.js';
import { ClusterNetworks, ClusterServices, ClusterSwarmNodes, type ManagerCaller } from './resources.js';
import { createSpecResources } from './spec-resources.js';
import { nodeInitOf } from './spec.js';
import {
  DEFAULT_CONVERGE_INTERVAL_MS,
  DEFAULT_CONVERGE_TIMEOUT_MS,
  waitUntilConverged,
  type WaitConvergedOptions
} from './wait-converged.js';

/**
 * The in-process runtime: one fabric, a seeded {@link MemoryNetwork} between the nodes (control, gossip and the
 * underlay's frames on its data channel; each node has its own wire), one
 * {@link InProcessNode} per spec node (the leader runs `swarm init`, the others join), all in this thread on one
 * clock — a ManualClock unless another is given, so a run is deterministic for its seed. Beyond {@link Cluster},
 * it exposes the live objects (nodes, their namespaces and gossip, the leader's manager) for inspection.
 */
export class InProcessCluster implements Cluster {
  readonly runtime = 'in-process' as const;
  readonly services: ClusterServices;
  readonly networks: ClusterNetworks;
  readonly swarmNodes: ClusterSwarmNodes;
  readonly containers: ClusterContainers;
  private stopped = false;

  private constructor(
    readonly spec: ClusterSpec,
    readonly clock: Clock,
    readonly fabric: Fabric,
    readonly network: MemoryNetwork,
    readonly nodes: readonly InProcessNode[]
  ) {
    // Async like the worker runtime's, so code written against one runtime runs on the other.
    const call: ManagerCaller = async (c) => runManagerCall(this.manager, c);
    this.services = new ClusterServices(call);
    this.networks = new ClusterNetworks(call);
    this.swarmNodes = new ClusterSwarmNodes(call);
    // Starting an app may wait on the clock (a virtual clock does not move by itself), hence settle().
    const onNode: ContainerCaller = (node, c) => this.settle(runContainerCall(this.node(node).containers, c));
    this.containers = new ClusterContainers(onNode, () => this.liveNodes().map((n) => n.name));
  }

  /** Builds the nodes of `spec` on one fabric and boots the swarm (see `Cluster.start`). */
  static async start(
    spec: ClusterSpec,
    { seed }: { seed: number },
    components: ClusterComponents = {}
  ): Promise<InProcessCluster> {
    const clock = components.clock ?? new ManualClock();
    const logger = components.logger ?? silentLogger;
    const fabric = new Fabric({ clock, logger }, { seed });
    const network = new MemoryNetwork({ clock }, { seed });
    const nodes = spec.nodes.map((n, i) => {
      // Real listeners for `-p` only on a real clock: virtual time could not carry a real connection.
      const publish = isVirtualClock(clock) ? {} : { publishAddress: n.hostAddress };
      const init = { ...nodeInitOf(spec, n), ...publish };
      const transport = network.createTransport(n.name);
      const random = seededRandom(seed * 1000 + i);
      // Each node its own half of the underlay: between nodes, frames cross the MemoryNetwork's data channel.
      const wire = new Wire(`${n.name}:underlay`);
      return new InProcessNode(init, { clock, fabric, wire, transport, logger, random });
    });
    const cluster = new InProcessCluster(spec, clock, fabric, network, nodes);
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

  async statuses(): Promise<Map<string, NodeStatus>> {
    return new Map(this.liveNodes().map((n) => [n.name, nodeStatus(n)] as const));
  }

  async gaps(): Promise<string[]> {
    this.assertRunning();
    const views: NodeView[] = this.nodes.map((n) =>
      n.stopped ? { name: n.name, live: false } : { name: n.name, live: true, status: nodeStatus(n) }
    );
    return convergenceGaps(views, managerSnapshot(this.manager));
  }

  async waitConverged(options: WaitConvergedOptions = {}): Promise<number> {
    options.signal?.throwIfAborted();
    this.assertRunning();
    return waitUntilConverged(
      { gaps: () => this.gaps(), now: () => this.clock.now(), pass: (ms) => advance(this.clock, ms) },
      options
    );
  }

  /** The node crashes: the network drops everything to and from it and its process stops (no goodbye). */
  async kill(name: string): Promise<void> {
    const node = this.node(name);
    this.network.crash(name);
    node.crash();
  }

  /** Stops every node; with a virtual clock, in-flight messages are drained so no timer is left. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.nodes.map((n) => n.stop()));
    if (isVirtualClock(this.clock)) this.clock.runAll(DEFAULT_CONVERGE_TIMEOUT_MS);
  }

  private liveNodes(): InProcessNode[] {
    return this.nodes.filter((n) => !n.stopped);
  }

  private settle<T>(promise: Promise<T>): Promise<T> {
    return settle(this.clock, promise, DEFAULT_CONVERGE_INTERVAL_MS, DEFAULT_CONVERGE_TIMEOUT_MS);
  }

  private async boot(): Promise<void> {
    const leader = this.spec.nodes.find((n) => n.leader) ?? this.spec.nodes[0];
    if (leader === undefined) throw new ClusterError({ code: 'CLUSTER_ERR_NO_LEADER' }, 'the spec has no nodes');
    const tokens = await this.settle(this.node(leader.name).initSwarm());
    for (const n of this.spec.nodes) {
      if (n.name === leader.name) continue;
      const token = n.role === 'manager' ? tokens.manager : tokens.worker;
      await this.settle(this.node(n.name).joinSwarm(leader.name, token));
    }
    await createSpecResources(this.spec, this);
  }

  private assertRunning(): void {
    if (this.stopped) throw new ClusterError({ code: 'CLUSTER_ERR_STOPPED' }, 'the cluster was stopped');
  }
}
