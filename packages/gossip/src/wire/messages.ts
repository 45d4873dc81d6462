/** Message types of the v1 envelope. */
// ONLY APPEND: values are on the wire
export enum MsgType {
  Ping = 1,
  IndirectPing = 2,
  Ack = 3,
  Gossip = 4,
  TableGossip = 5,
  PushPull = 6,
  BulkSync = 7
}

/** A member's SWIM state as gossiped: `left` is memberlist's dead-by-its-own-word. */
export type MemberStateName = 'alive' | 'suspect' | 'dead' | 'left';

/** One SWIM state claim about `node` (memberlist alive/suspect/dead messages). */
export interface MemberUpdate {
  state: MemberStateName;
  node: string;
  incarnation: number;
  /** Who makes the claim (the suspecter, or the node itself for alive/left). */
  from: string;
}

/** NetworkDB NetworkEvent: `node` joined or left `network` at network-clock time `ltime`. */
export interface NetworkEvent {
  kind: 'join' | 'leave';
  node: string;
  network: string;
  ltime: number;
}

/** NetworkDB TableEvent: a create/update/delete of one entry, ordered by table-clock `ltime`. */
export interface TableEvent {
  kind: 'create' | 'update' | 'delete';
  ltime: number;
  owner: string;
  network: string;
  table: string;
  key: string;
  value: Uint8Array;
  /** For deletes: the tombstone's remaining life, so every copy is reaped about together. */
  reapInMs: number;
}

/** Membership broadcasts piggybacked on probes and sent each gossip tick. */
export interface MembershipBody {
  updates: MemberUpdate[];
  networks: NetworkEvent[];
}

/** Direct probe; the target answers Ack with the same seq. */
export interface PingBody extends MembershipBody {
  seq: number;
  target: string;
}

/** Ask the receiver to probe `target` and forward its ack with `seq`. */
export interface IndirectPingBody {
  seq: number;
  target: string;
}

/** Answer to a (possibly relayed) Ping. */
export interface AckBody extends MembershipBody {
  seq: number;
}

/** One network's table events for the nodes of that network. */
export interface TableGossipBody {
  network: string;
  events: TableEvent[];
}

/** Full membership state exchange (memberlist push-pull); `reply` marks the answer. */
export interface PushPullBody {
  reply: boolean;
  members: MemberUpdate[];
  networks: NetworkEvent[];
}

/** Every entry, tombstones included, of the listed networks; an unsolicited sync asks for one back. */
export interface BulkSyncBody {
  unsolicited: boolean;
  networks: string[];
  events: TableEvent[];
}

/** Body type of each message type. */
export interface BodyOf {
  [MsgType.Ping]: PingBody;
  [MsgType.IndirectPing]: IndirectPingBody;
  [MsgType.Ack]: AckBody;
  [MsgType.Gossip]: MembershipBody;
  [MsgType.TableGossip]: TableGossipBody;
  [MsgType.PushPull]: PushPullBody;
  [MsgType.BulkSync]: BulkSyncBody;
}

/** The v1 envelope: `ltime` is the sender's table clock, witnessed by the receiver. */
export type Envelope = {
  [T in MsgType]: { v: 1; type: T; from: string; ltime: number; body: BodyOf[T] };
}[MsgType];
