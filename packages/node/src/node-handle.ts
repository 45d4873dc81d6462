import type { TaskState } from '@swarmsim/swarm';
import type { JoinTokens } from './join-token.js';

/** A task container on a node, as plain data. */
export interface TaskStatusView {
  taskId: string;
  serviceName: string;
  slot: number;
  state: TaskState;
}

/** One overlay network on a node, as plain data: its local endpoints and the remote peers programmed. */
export interface OverlayStatusView {
  network: string;
  /** Addresses of the endpoints joined on this node. */
  endpoints: string[];
  /** Addresses of the remote endpoints programmed on vxlan0 (from `overlay_peer_table`). */
  peers: string[];
}

/** The leader's view of the swarm, as plain data (what `docker node ls` / `service ps` read). */
export interface ManagerSnapshot {
  nodes: { id: string; hostname: string; state: string }[];
  services: { id: string; name: string; mode: 'replicated' | 'global'; replicas: number }[];
  tasks: { id: string; serviceId: string; nodeId?: string; slot: number; desiredState: TaskState; state: TaskState }[];
}

/** What a node reports about itself; structured-clone safe so a worker can post it. */
export interface NodeStatus {
  name: string;
  /** True once the node initialised or joined a swarm and has a node id. */
  joined: boolean;
  nodeId?: string;
  /** True when this node runs the leader manager. */
  leader: boolean;
  /** Gossip members this node sees alive (itself included), sorted. */
  aliveMembers: string[];
  tasks: TaskStatusView[];
  /** The overlay networks this node has built (only where a local endpoint is joined), by network name. */
  overlays: OverlayStatusView[];
  /** Service discovery per swarm network this node is on: endpoints it published, and every one its DNS holds. */
  dns: { network: string; local: string[]; records: string[] }[];
  /** Present on the leader only. */
  manager?: ManagerSnapshot;
}

/** One swarm node, whichever runtime it lives in (Lodestar's one interface for worker and in-process). */
export interface NodeHandle {
  readonly name: string;
  /** `docker swarm init`. */
  initSwarm(): Promise<JoinTokens>;
  /** `docker swarm join --token <token> <leader>`. */
  joinSwarm(leader: string, token: string): Promise<void>;
  /** A snapshot of the node's state. */
  status(): Promise<NodeStatus>;
  /** The node's process dies without a goodbye. */
  crash(): Promise<void>;
  /** Stops the node and releases everything it holds (timers, sockets, threads). */
  stop(): Promise<void>;
}
