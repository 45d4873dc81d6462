import { createDockerHost, type DockerHost } from '@swarmsim/drivers';
import { gossip, type Gossip, type GossipConfig } from '@swarmsim/gossip';
import { seededRandom, silentLogger, type Clock, type Logger, type Random, type Transport } from '@swarmsim/interface';
import type { PredefinedPool } from '@swarmsim/addr';
import { EtherInterface, type Fabric, type Wire } from '@swarmsim/netmodel';
import { Manager } from '@swarmsim/swarm';
import { ChannelMux } from './channel-mux.js';
import { ContainerEngine, HostPortProxy, outsideAddressFor, outsideNamespace } from './containers/index.js';
import { Agent } from './control/agent.js';
import { ControlServer } from './control/control-server.js';
import {
  decodeControl,
  encodeControl,
  isServerMsg,
  type ControlMsg,
  type JoinAcceptedMsg
} from './control/messages.js';
import { NodeError } from './errors.js';
import { generateJoinTokens, parseJoinToken, type JoinTokens } from './join-token.js';
import { createSwarmSandboxes, type SwarmSandboxes } from './swarm-sandboxes.js';
import { OverlayAttachments } from './overlay-attachments.js';
import { ServiceDns } from './service-dns.js';
import { TaskRunner, type LocalTask } from './task-runner.js';
import { UnderlayBridge } from './underlay-bridge.js';

// docker-machine's host-only network is a /24 (192.168.99.0/24).
const DEFAULT_UNDERLAY_PREFIX = 24;

/** Plain options of an {@link InProcessNode}. */
export interface InProcessNodeInit {
  /** Hostname, also the node's peer id on the transport. */
  name: string;
  /** eth0 address on the underlay. */
  underlayIp: string;
  /** Prefix length of the underlay subnet (docker-machine's 192.168.99.0/24; wider for large clusters). @default 24 */
  underlayPrefix?: number;
  labels?: Record<string, string>;
  /** Timing preset of gossip and of the manager's heartbeats. @default 'local' */
  preset?: 'lan' | 'local';
  /** Gossip timer overrides on top of the preset. @default {} */
  gossip?: Partial<GossipConfig>;
  /** `swarm init --default-addr-pool`. @default 10.0.0.0/8 in /24s */
  defaultAddrPool?: PredefinedPool[];
  /** Seed of the node's RNG (tokens, node ids, keys) when no `random` is given. @default 1 */
  seed?: number;
  /** Real loopback address where published container ports listen (e.g. `127.0.1.2`). @default none: ports stay simulated */
  publishAddress?: string;
}

/** Collaborators of an {@link InProcessNode}. */
export interface InProcessNodeComponents {
  clock: Clock;
  /** This node's transport; its `localId` must equal `name`. */
  transport: Transport;
  /** The simulation's fabric (namespaces of every node live in it). */
  fabric: Fabric;
  /**
   * This node's half of the underlay LAN: its eth0 (and the local `outside` host) plug into it, and an
   * {@link UnderlayBridge} carries eth0's frames to the other nodes over the transport's `data` channel. Give each
   * node its own wire: the transport is the only path between nodes, in both runtimes.
   */
  wire: Wire;
  logger?: Logger;
  random?: Random;
}

/** The swarm-mode parts of a node, present once it initialised or joined a swarm. */
interface SwarmState {
  gossip: Gossip;
  sandboxes: SwarmSandboxes;
  runner: TaskRunner;
  overlays: OverlayAttachments;
  dns: ServiceDns;
}

/**
 * One swarm node in this process (dockerd + swarmkit agent): a host stack on the fabric, gossip on the
 * transport's `gossip` channel and the agent protocol on `control`. The leader also runs the {@link Manager}.
 */
export class InProcessNode {
  /** The host's network stack: root namespace, eth0 on the underlay, docker0. */
  readonly host: DockerHost;
  /** Standalone containers and local networks (`docker run`, `docker network create -d bridge`). */
  readonly containers: ContainerEngine;
  readonly name: string;
  private readonly clock: Clock;
  private readonly fabric: Fabric;
  private readonly transport: Transport;
  private readonly mux: ChannelMux;
  private readonly random: Random;
  private readonly log: Logger;
  private readonly agent: Agent;
  private readonly underlay: UnderlayBridge;
  private server: ControlServer | undefined;
  private managerRef: Manager | undefined;
  private joinTokens: JoinTokens | undefined;
  private swarm: SwarmState | undefined;
  private down = false;

  constructor(
    private readonly init: InProcessNodeInit,
    components: InProcessNodeComponents
  ) {
    this.name = init.name;
    this.clock = components.clock;
    this.fabric = components.fabric;
    this.transport = components.transport;
    this.random = components.random ?? seededRandom(init.seed ?? 1);
    this.log = (components.logger ?? silentLogger).child({ node: init.name });
    const cidr = `${init.underlayIp}/${init.underlayPrefix ?? DEFAULT_UNDERLAY_PREFIX}`;
    this.host = createDockerHost(this.fabric, init.name, { wire: components.wire, cidr });
    this.containers = this.createContainerEngine(components);
    this.mux = new ChannelMux(this.transport);
    this.mux.channel('control').onMessage((from, _ch, bytes) => this.onControl(from, bytes));
    this.underlay = new UnderlayBridge(this.hostEth0(), {
      wire: components.wire,
      transport: this.mux.channel('data'),
      peers: () => this.underlayPeers()
    });
    const send = (to: string, msg: ControlMsg): Promise<void> =>
      this.transport.sendReliable(to, 'control', encodeControl(msg));
    this.agent = new Agent({
      node: init.name,
      clock: this.clock,
      send,
      notify: (to, m) => this.notify(to, m),
      log: this.log.child({ component: 'agent' })
    });
  }

  /** The swarm node id, once joined. */
  get nodeId(): string | undefined {
    return this.agent.nodeId;
  }

  /** True when this node runs the leader manager. */
  get isLeader(): boolean {
    return this.managerRef !== undefined;
  }

  /** The leader's control plane; throws NODE_ERR_NOT_MANAGER elsewhere. */
  get manager(): Manager {
    if (this.managerRef === undefined)
      throw new NodeError({ code: 'NODE_ERR_NOT_MANAGER', node: this.name }, 'This node is not a swarm manager.');
    return this.managerRef;
  }

  /** `docker swarm join-token`: leader only. */
  get tokens(): JoinTokens {
    if (this.joinTokens === undefined)
      throw new NodeError({ code: 'NODE_ERR_NOT_MANAGER', node: this.name }, 'This node is not a swarm manager.');
    return this.joinTokens;
  }

  /** This node's gossip instance; throws NODE_ERR_NOT_IN_SWARM before init/join. */
  get gossip(): Gossip {
    return this.swarmState().gossip;
  }

  /** The swarm sandboxes (docker_gwbridge, ingress-sbox). */
  get sandboxes(): SwarmSandboxes {
    return this.swarmState().sandboxes;
  }

  /** Service discovery of this node's tasks (present once in a swarm). */
  get serviceDns(): ServiceDns | undefined {
    return this.swarm?.dns;
  }

  /** Task containers on this node. */
  get tasks(): LocalTask[] {
    return this.swarm?.runner.list() ?? [];
  }

  /** True after {@link crash} or {@link stop}. */
  get stopped(): boolean {
    return this.down;
  }

  /** `docker swarm init`: starts the manager and the control server, then joins this node's own agent. */
  async initSwarm(options: { signal?: AbortSignal } = {}): Promise<JoinTokens> {
    options.signal?.throwIfAborted();
    this.assertNotInSwarm();
    const { preset = 'local', defaultAddrPool } = this.init;
    const manager = new Manager(
      { preset, ...(defaultAddrPool === undefined ? {} : { defaultAddrPool }) },
      { clock: this.clock, logger: this.log, random: this.random }
    );
    const tokens = generateJoinTokens(this.random);
    const keys = [randomKey(this.random)];
    this.managerRef = manager;
    this.joinTokens = tokens;
    this.server = new ControlServer({
      manager,
      tokens,
      gossipKeys: () => keys,
      send: (to, m) => this.sendQuietly(to, m),
      notify: (to, m) => this.notify(to, m),
      random: this.random,
      log: this.log.child({ component: 'dispatcher' })
    });
    await this.joinSwarm(this.name, tokens.manager);
    return tokens;
  }

  /** `docker swarm join --token <token> <leader>`: registers, then starts gossip and joins it through the leader. */
  async joinSwarm(leader: string, token: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    options.signal?.throwIfAborted();
    if (this.swarm !== undefined) this.assertNotInSwarm();
    parseJoinToken(token, this.name);
    const info = { hostname: this.name, addr: this.init.underlayIp, labels: { ...(this.init.labels ?? {}) } };
    const accepted = this.agent.join(leader, token, info);
    this.enterSwarm(await accepted, leader);
  }

  /** The process dies: every timer and app stops, nothing is sent (pair it with the network's crash). */
  crash(): void {
    if (this.down) return;
    this.down = true;
    this.agent.stop();
    this.swarm?.overlays.close();
    this.swarm?.dns.close();
    this.swarm?.gossip.stop();
    this.underlay.close();
    this.swarm?.runner.stopAll();
    this.containers.shutdown();
    this.server?.stop();
    this.managerRef?.stop();
  }

  /** Stops the node (as crash) and closes its transport. */
  async stop(): Promise<void> {
    this.crash();
    await this.transport.close();
  }

  private createContainerEngine(components: InProcessNodeComponents): ContainerEngine {
    const { name, underlayIp, underlayPrefix = DEFAULT_UNDERLAY_PREFIX, publishAddress } = this.init;
    const outside =
      publishAddress === undefined
        ? undefined
        : outsideNamespace(this.fabric, components.wire, outsideAddressFor(underlayIp, underlayPrefix), name);
    const binder =
      outside === undefined
        ? undefined
        : new HostPortProxy({ address: publishAddress!, target: underlayIp }, { outside, logger: this.log });
    const engineComponents = {
      fabric: this.fabric,
      host: this.host,
      clock: this.clock,
      random: this.random,
      logger: this.log
    };
    return new ContainerEngine(
      { node: name },
      binder === undefined ? engineComponents : { ...engineComponents, binder }
    );
  }

  private enterSwarm(accepted: JoinAcceptedMsg, leader: string): void {
    const sandboxes = createSwarmSandboxes(this.fabric, this.host, this.name, accepted.ingressAddr);
    const { preset = 'local', gossip: overrides = {} } = this.init;
    const g = gossip({ preset, keys: accepted.gossipKeys, ...overrides })({
      clock: this.clock,
      transport: this.mux.channel('gossip'),
      logger: this.log
    });
    const overlays = new OverlayAttachments({
      host: this.host,
      gossip: g,
      vtep: this.init.underlayIp,
      logger: this.log.child({ component: 'overlay' })
    });
    const dns = new ServiceDns({ gossip: g, clock: this.clock, random: this.random, logger: this.log });
    const runner = new TaskRunner({
      fabric: this.fabric,
      host: this.host,
      nodeId: () => this.agent.nodeId ?? '',
      report: (taskId, state, details) => this.agent.report(taskId, state, details),
      overlays,
      dns,
      log: this.log.child({ component: 'tasks' })
    });
    this.swarm = { gossip: g, sandboxes, runner, overlays, dns };
    this.agent.attach(runner);
    g.start();
    if (leader !== this.name) g.join([leader]).catch(() => this.log.warn({ leader }, 'gossip join failed'));
  }

  private onControl(from: string, bytes: Uint8Array): void {
    if (this.down) return;
    let msg: ControlMsg;
    try {
      msg = decodeControl(bytes, this.name);
    } catch {
      this.log.warn({ from }, 'dropped bad control message');
      return;
    }
    if (isServerMsg(msg)) this.server?.handle(from, msg);
    else this.agent.handle(msg);
  }

  /** Best-effort: over ws it is still TCP while the connection lives, it only skips the transport ack. */
  private notify(to: string, msg: ControlMsg): void {
    if (!this.down) this.transport.sendBestEffort(to, 'control', encodeControl(msg));
  }

  private sendQuietly(to: string, msg: ControlMsg): void {
    this.transport
      .sendReliable(to, 'control', encodeControl(msg))
      .catch(() => this.log.debug({ to }, 'control send failed'));
  }

  private hostEth0(): EtherInterface {
    const eth0 = this.host.ns.interface('eth0');
    if (!(eth0 instanceof EtherInterface)) throw new TypeError(`${this.name}: host eth0 is not on a wire`);
    return eth0;
  }

  /** The nodes sharing the underlay LAN: gossip's live members (none before init/join, as for a lone host). */
  private underlayPeers(): string[] {
    const members = this.swarm?.gossip.members() ?? [];
    return members.filter((m) => m.state === 'alive' && m.node !== this.name).map((m) => m.node);
  }

  private swarmState(): SwarmState {
    if (this.swarm === undefined)
      throw new NodeError({ code: 'NODE_ERR_NOT_IN_SWARM', node: this.name }, 'This node is not part of a swarm');
    return this.swarm;
  }

  private assertNotInSwarm(): void {
    if (this.swarm !== undefined || this.managerRef !== undefined) {
      throw new NodeError(
        { code: 'NODE_ERR_ALREADY_IN_SWARM', node: this.name },
        'This node is already part of a swarm.'
      );
    }
  }
}

/** A 32-byte gossip key (AES-256, as the leader generates and distributes it). */
function randomKey(random: Random): Uint8Array {
  return Uint8Array.from({ length: 32 }, () => Math.floor(random() * 256));
}
