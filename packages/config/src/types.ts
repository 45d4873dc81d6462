/** Role of a swarm node (`docker node update --role`). */
export type NodeRole = 'manager' | 'worker';
/** Scheduling availability of a node (`docker node update --availability`). */
export type NodeAvailability = 'active' | 'pause' | 'drain';

/** One simulated node, with its addresses resolved. */
export interface NodeSpec {
  readonly name: string;
  readonly role: NodeRole;
  /** The manager that runs `swarm init`; exactly one node of a resolved spec has it. */
  readonly leader: boolean;
  readonly labels: Readonly<Record<string, string>>;
  readonly availability: NodeAvailability;
  /** Simulated underlay (eth0) address, by default in docker-machine's 192.168.99.0/24. */
  readonly underlayIp: string;
  /** Prefix length of the underlay subnet eth0 sits in (24 for 192.168.99.0/24; every node has the same). */
  readonly underlayPrefix: number;
  /** Real loopback address the node binds published ports and its WebSocket server to. */
  readonly hostAddress: string;
}

/** Gossip presets of `@swarmsim/gossip` `defaultConfig(preset)`. */
export type GossipPreset = 'lan' | 'local';

/** Names of the numeric `GossipConfig` fields a config file may override (kept equal by a test). */
export const GOSSIP_TIMER_NAMES = [
  'gossipIntervalMs',
  'fanout',
  'probeIntervalMs',
  'probeTimeoutMs',
  'indirectChecks',
  'pushPullIntervalMs',
  'bulkSyncIntervalMs',
  'suspicionMult',
  'suspicionMaxTimeoutMult',
  'retransmitMult',
  'gossipToTheDeadMs',
  'reconnectIntervalMs',
  'tombstoneMs',
  'reapIntervalMs',
  'nodeReapMs',
  'maxFrameBytes',
  'maxStreamBytes'
] as const;

/** A `GossipConfig` field name. */
export type GossipTimerName = (typeof GOSSIP_TIMER_NAMES)[number];

/** Gossip settings: a preset plus explicit overrides (apply as `{ ...defaultConfig(preset), ...overrides }`). */
export interface GossipSpec {
  readonly preset: GossipPreset;
  readonly overrides: Readonly<Partial<Record<GossipTimerName, number>>>;
}

/** A `swarm init --default-addr-pool <base> --default-addr-pool-mask-length <size>` pool. */
export interface AddressPoolSpec {
  readonly base: string;
  readonly size: number;
}

/** Network drivers a config may declare. */
export type NetworkDriver = 'overlay' | 'bridge';

/** A user network (`docker network create`). */
export interface NetworkSpec {
  readonly name: string;
  readonly driver: NetworkDriver;
  readonly attachable: boolean;
  readonly internal: boolean;
  readonly subnet?: string;
  readonly gateway?: string;
  readonly ipRange?: string;
}

/** Transport protocol of a published port. */
export type PortProtocol = 'tcp' | 'udp' | 'sctp';
/** How a service port is published: routing mesh or the task's node only. */
export type PublishMode = 'ingress' | 'host';

/** A service port (`--publish published=…,target=…,protocol=…,mode=…`); no `published` = auto from 30000. */
export interface PortSpec {
  readonly published?: number;
  readonly target: number;
  readonly protocol: PortProtocol;
  readonly mode: PublishMode;
}

/** Replicated with N replicas, or global (one task per eligible node). */
export type ServiceMode = { readonly type: 'replicated'; readonly replicas: number } | { readonly type: 'global' };

/** A placement constraint (`--constraint node.labels.zone==a`), as swarmkit's grammar reads it. */
export interface ConstraintSpec {
  /**
   * As written: `node.id|hostname|role|ip`, `node.platform.os|arch`, `node.labels.<k>` or `engine.labels.<k>` are
   * what nodes match (case-insensitively, label names excepted); any other key matches no node.
   */
  readonly key: string;
  readonly operator: '==' | '!=';
  readonly value: string;
}

/** `--restart-condition/-delay/-max-attempts/-window`; 0 attempts and 0 window mean unlimited. */
export interface RestartPolicySpec {
  readonly condition: 'none' | 'on-failure' | 'any';
  readonly delayMs: number;
  readonly maxAttempts: number;
  readonly windowMs: number;
}

/** `--update-parallelism/-delay/-order/-failure-action/-monitor`. */
export interface UpdateConfigSpec {
  readonly parallelism: number;
  readonly delayMs: number;
  readonly order: 'stop-first' | 'start-first';
  readonly failureAction: 'pause' | 'continue' | 'rollback';
  readonly monitorMs: number;
}

/** A swarm service (`docker service create`). */
export interface ServiceSpec {
  readonly name: string;
  readonly image: string;
  readonly mode: ServiceMode;
  readonly networks: readonly string[];
  readonly endpointMode: 'vip' | 'dnsrr';
  readonly ports: readonly PortSpec[];
  readonly constraints: readonly ConstraintSpec[];
  readonly restartPolicy: RestartPolicySpec;
  readonly updateConfig: UpdateConfigSpec;
}

/** A standalone container's `-p [hostIp:][hostPort:]containerPort[/proto]`; no hostPort = ephemeral. */
export interface ContainerPublishSpec {
  readonly hostIp?: string;
  readonly hostPort?: number;
  readonly containerPort: number;
  readonly protocol: PortProtocol;
}

/** A standalone container (`docker run -d --name … --network … --ip … -p …` on one node). */
export interface ContainerSpec {
  readonly name: string;
  readonly node: string;
  readonly image: string;
  /** `bridge`, `host`, `none`, `container:<name>` or a declared network; the first is connected at run. */
  readonly networks: readonly string[];
  readonly ip?: string;
  readonly publish: readonly ContainerPublishSpec[];
}

/** A whole cluster, validated and with every default applied. */
export interface ClusterSpec {
  readonly nodes: readonly NodeSpec[];
  readonly gossip: GossipSpec;
  readonly defaultAddressPools: readonly AddressPoolSpec[];
  readonly networks: readonly NetworkSpec[];
  readonly services: readonly ServiceSpec[];
  readonly containers: readonly ContainerSpec[];
}
