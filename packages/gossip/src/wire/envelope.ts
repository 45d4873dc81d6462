import { Packr } from 'msgpackr';
import { frameError } from '../errors.js';
import { type Envelope, MsgType, type TableEvent } from './messages.js';
import {
  isBulkSyncBody,
  isMembershipBody,
  isName,
  isObj,
  isPushPullBody,
  isTableEvent,
  isArrayOf,
  isUint
} from './validate.js';

// Plain maps and arrays only: records/structures would make the wire depend on shared codec state.
const packr = new Packr({ useRecords: false, moreTypes: false, mapsAsObjects: true });

/** msgpackr-encodes any value (an envelope, or one broadcast to size it). */
export function pack(value: unknown): Uint8Array {
  return packr.pack(value);
}

/** Encodes a v1 envelope; pure. */
export function encodeEnvelope(envelope: Envelope): Uint8Array {
  return packr.pack(envelope);
}

const bodyGuards: Record<MsgType, (body: unknown) => boolean> = {
  [MsgType.Ping]: (b) => isMembershipBody(b) && isObj(b) && isUint(b.seq) && isName(b.target),
  [MsgType.IndirectPing]: (b) => isObj(b) && isUint(b.seq) && isName(b.target),
  [MsgType.Ack]: (b) => isMembershipBody(b) && isObj(b) && isUint(b.seq),
  [MsgType.Gossip]: isMembershipBody,
  [MsgType.TableGossip]: (b) => isObj(b) && isName(b.network) && isArrayOf(b.events, isTableEvent),
  [MsgType.PushPull]: isPushPullBody,
  [MsgType.BulkSync]: isBulkSyncBody
};

function unpack(bytes: Uint8Array): unknown {
  try {
    return packr.unpack(bytes);
  } catch {
    throw frameError({ code: 'GOSSIP_ERR_BAD_FRAME', reaction: 'drop', reason: 'msgpack' });
  }
}

/** Decodes and validates a v1 envelope; throws a GossipError (reaction `drop`) for anything else. Pure. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const value = unpack(bytes);
  if (!isObj(value)) throw frameError({ code: 'GOSSIP_ERR_BAD_FRAME', reaction: 'drop', reason: 'not a map' });
  if (value.v !== 1) throw frameError({ code: 'GOSSIP_ERR_BAD_VERSION', reaction: 'drop', version: value.v });
  const guard = bodyGuards[value.type as MsgType] as ((b: unknown) => boolean) | undefined;
  if (guard === undefined || !isName(value.from) || !isUint(value.ltime) || !guard(value.body)) {
    throw frameError({ code: 'GOSSIP_ERR_BAD_FRAME', reaction: 'drop', reason: 'shape' });
  }
  normalizeValues(value as Envelope);
  return value as Envelope;
}

// msgpackr returns Buffers for bin fields; hand out plain Uint8Arrays so values compare equal everywhere.
function normalizeValues(envelope: Envelope): void {
  const events: TableEvent[] | undefined =
    envelope.type === MsgType.TableGossip || envelope.type === MsgType.BulkSync ? envelope.body.events : undefined;
  for (const e of events ?? []) e.value = new Uint8Array(e.value);
}
