import type { MemberStateName } from './wire/messages.js';

/** A member as reported to users. */
export interface MemberInfo {
  node: string;
  state: MemberStateName;
  incarnation: number;
}

/** A live table entry as reported to users. */
export interface TableEntry {
  table: string;
  network: string;
  key: string;
  value: Uint8Array;
  owner: string;
  ltime: number;
}

/** Typed events of a {@link Gossip} node. */
export type GossipEvents = {
  /** A node was first heard of, or came back after dead/left with a higher incarnation. */
  'member:join': [MemberInfo];
  /** A node is suspected (failed a probe). */
  'member:suspect': [MemberInfo];
  /** A suspected node refuted the suspicion. */
  'member:alive': [MemberInfo];
  /** A node was declared dead (suspicion timed out). */
  'member:dead': [MemberInfo];
  /** A node left gracefully. */
  'member:left': [MemberInfo];
  /** An entry appeared here (a create, or an update for a key this node did not hold). */
  'table:create': [TableEntry];
  /** A live entry got a newer value. */
  'table:update': [TableEntry];
  /** A live entry was deleted, or vanished with its owner. */
  'table:delete': [TableEntry];
};
