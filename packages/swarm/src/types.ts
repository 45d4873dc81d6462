import type { TaskState } from './task-state.js';

/** Version and timestamps every stored object carries (swarmkit's `Meta`). */
export interface Meta {
  /** Store-wide index of the last write to this object (swarmkit `Version.Index`). */
  version: number;
  /** Clock time of creation, ms. */
  createdAt: number;
  /** Clock time of the last write, ms. */
  updatedAt: number;
}

/** Manager or worker. */
export type NodeRole = 'manager' | 'worker';
/** Scheduling availability of a node (`docker node update --availability`). */
export type NodeAvailability = 'active' | 'pause' | 'drain';
/** Liveness as the dispatcher sees it. */
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';

/** What a node's engine runs on (`Description.Platform`); placement constraints match it. */
export interface NodePlatform {
  /** `node.platform.os`, e.g. `linux`. */
  os: string;
  /** `node.platform.arch`, e.g. `x86_64` (Go's runtime.GOARCH as the engine reports it). */
  architecture: string;
}

/** A swarm node. */
export interface SwarmNode {
  id: string;
  meta: Meta;
  hostname: string;
  role: NodeRole;
  availability: NodeAvailability;
  labels: Record<string, string>;
  platform: NodePlatform;
  /** Underlay address the node advertises. */
  addr: string;
  status: { state: NodeState; message: string };
  /** LB attachment address (with prefix) per network id; `ingress` is allocated at join. */
  attachments: Record<string, string>;
}

/** An overlay network as the manager stores it. */
export interface SwarmNetwork {
  id: string;
  meta: Meta;
  name: string;
  ingress: boolean;
  attachable: boolean;
  internal: boolean;
  labels: Record<string, string>;
  subnet: string;
  gateway: string;
  vni: number;
  /** IPAM pool id the subnet came from. */
  poolId: string;
}

/** One port of `--publish`. */
export interface PortSpec {
  targetPort: number;
  /** Omitted or 0: auto-assigned from 30000 (ingress mode only). */
  publishedPort?: number;
  /** @default 'tcp' */
  protocol?: 'tcp' | 'udp' | 'sctp';
  /** @default 'ingress' */
  publishMode?: 'ingress' | 'host';
}

/** A published port after allocation (`Endpoint.Ports`). */
export interface PortConfig {
  targetPort: number;
  publishedPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  publishMode: 'ingress' | 'host';
}

/** `--restart-condition` and friends. */
export interface RestartPolicy {
  /** @default 'any' */
  condition?: 'any' | 'on-failure' | 'none';
  /** @default 5000 (swarmkit defaults.Service RestartPolicy.Delay = 5 s) */
  delayMs?: number;
  /** 0 = unlimited. @default 0 */
  maxAttempts?: number;
}

/** `--update-*` options. */
export interface UpdateConfig {
  /** Tasks updated at once; 0 = all. @default 1 */
  parallelism?: number;
  /** Pause between batches. @default 0 */
  delayMs?: number;
  /** @default 'stop-first' */
  order?: 'stop-first' | 'start-first';
}

/** What `docker service create` sends. */
export interface ServiceSpec {
  name: string;
  image: string;
  /** @default 'replicated' */
  mode?: 'replicated' | 'global';
  /** Replicated only. @default 1 */
  replicas?: number;
  /** Network names or ids to attach. */
  networks?: string[];
  /** @default 'vip' */
  endpointMode?: 'vip' | 'dnsrr';
  ports?: PortSpec[];
  /** e.g. `node.role==worker`, `node.labels.zone!=east`. */
  constraints?: string[];
  restartPolicy?: RestartPolicy;
  updateConfig?: UpdateConfig;
  labels?: Record<string, string>;
  env?: string[];
}

/** A service's VIP on one network. */
export interface VirtualIp {
  networkId: string;
  /** With prefix length, e.g. `10.0.1.2/24`. */
  addr: string;
}

/** Rolling update progress (`UpdateStatus`). */
export interface UpdateStatus {
  state: 'updating' | 'paused' | 'completed';
  startedAt: number;
  completedAt?: number;
  message: string;
}

/** A service as the manager stores it. */
export interface SwarmService {
  id: string;
  meta: Meta;
  spec: ServiceSpec;
  /** Bumped when the task template changes; tasks remember the version they were made from. */
  specVersion: number;
  /** Resolved network ids, in spec order. */
  networkIds: string[];
  endpoint: { ports: PortConfig[]; virtualIps: VirtualIp[] };
  updateStatus?: UpdateStatus;
}

/** A task's address on one network. */
export interface TaskAttachment {
  networkId: string;
  /** With prefix length. */
  addresses: string[];
}

/** Observed status of a task. */
export interface TaskStatus {
  state: TaskState;
  /** Clock time of the transition into `state`, ms. */
  timestamp: number;
  message: string;
  err?: string;
}

/** One task: a slot of a replicated service, or a node of a global one. */
export interface SwarmTask {
  id: string;
  meta: Meta;
  serviceId: string;
  /** 1-based for replicated services, 0 for global ones. */
  slot: number;
  nodeId?: string;
  desiredState: TaskState;
  status: TaskStatus;
  /** Every transition, oldest first. */
  transitions: { state: TaskState; timestamp: number }[];
  specVersion: number;
  /** Copy of the service's task template when the task was made (swarmkit copies the spec into each task). */
  template: { serviceName: string; image: string; env: string[] };
  networks: TaskAttachment[];
}
