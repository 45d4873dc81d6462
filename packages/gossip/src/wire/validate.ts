import type { BulkSyncBody, MemberUpdate, MembershipBody, NetworkEvent, PushPullBody, TableEvent } from './messages.js';

// Hand-written guards: the decoder trusts nothing but what it checks here (authenticated peers can still be buggy).
type Obj = Record<string, unknown>;

/** A plain object (not null, not an array, not a decoder's extension instance). */
export function isObj(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A non-negative safe integer. */
export function isUint(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** A string of at most 256 characters (ids, names). */
export function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 256;
}

/** An array whose every element passes `guard`. */
export function isArrayOf<T>(v: unknown, guard: (x: unknown) => x is T): v is T[] {
  return Array.isArray(v) && v.every(guard);
}

const memberStates = new Set(['alive', 'suspect', 'dead', 'left']);
const networkKinds = new Set(['join', 'leave']);
const tableKinds = new Set(['create', 'update', 'delete']);

/** Shape of a {@link MemberUpdate}. */
export function isMemberUpdate(v: unknown): v is MemberUpdate {
  return isObj(v) && memberStates.has(v.state as string) && isName(v.node) && isUint(v.incarnation) && isName(v.from);
}

/** Shape of a {@link NetworkEvent}. */
export function isNetworkEvent(v: unknown): v is NetworkEvent {
  return isObj(v) && networkKinds.has(v.kind as string) && isName(v.node) && isName(v.network) && isUint(v.ltime);
}

/** Shape of a {@link TableEvent}. */
export function isTableEvent(v: unknown): v is TableEvent {
  if (!isObj(v) || !tableKinds.has(v.kind as string) || !isUint(v.ltime) || !isUint(v.reapInMs)) return false;
  return isName(v.owner) && isName(v.network) && isName(v.table) && isName(v.key) && v.value instanceof Uint8Array;
}

/** Shape of a {@link MembershipBody} (also checks Ping/Ack's shared part). */
export function isMembershipBody(v: unknown): v is MembershipBody {
  return isObj(v) && isArrayOf(v.updates, isMemberUpdate) && isArrayOf(v.networks, isNetworkEvent);
}

/** Shape of a {@link PushPullBody}. */
export function isPushPullBody(v: unknown): v is PushPullBody {
  return (
    isObj(v) &&
    typeof v.reply === 'boolean' &&
    isArrayOf(v.members, isMemberUpdate) &&
    isArrayOf(v.networks, isNetworkEvent)
  );
}

/** Shape of a {@link BulkSyncBody}. */
export function isBulkSyncBody(v: unknown): v is BulkSyncBody {
  return (
    isObj(v) && typeof v.unsolicited === 'boolean' && isArrayOf(v.networks, isName) && isArrayOf(v.events, isTableEvent)
  );
}
