// GOSSIP_ERR_FRAME_TOO_LARGE: a received frame exceeds maxFrameBytes (reaction: drop)
// GOSSIP_ERR_UNAUTHENTICATED: no key of the keyring opens the frame (reaction: drop)
// GOSSIP_ERR_BAD_FRAME: the frame opens but is not a valid v1 envelope or body (reaction: drop)
// GOSSIP_ERR_BAD_VERSION: the envelope's `v` is not a version this node speaks (reaction: drop)
// GOSSIP_ERR_SENDER_MISMATCH: the envelope's `from` differs from the transport's peer (reaction: reject-peer)
// GOSSIP_ERR_INVALID_KEYRING: a keyring would be empty, hold more than 3 keys or a key that is not 32 bytes
// GOSSIP_ERR_INVALID_CONFIG: an option is out of range (non-positive interval, fanout < 1 …)
// GOSSIP_ERR_ENTRY_EXISTS: create() of a key that is live in the table
// GOSSIP_ERR_ENTRY_NOT_FOUND: update()/delete() of a key that is missing or already deleted
// GOSSIP_ERR_NOT_ON_NETWORK: a table write for a network this node has not joined
// GOSSIP_ERR_NOT_RUNNING: an operation that needs start() (or was called after leave())
// GOSSIP_ERR_INVALID_NAME: a table, network or key name that is empty or longer than 256 characters (no peer would accept it)
import { SwarmsimError } from '@swarmsim/interface';

/** What a receiver does with a bad frame: drop it, or also stop trusting the peer (as libp2p's GossipAction). */
export type GossipReaction = 'drop' | 'reject-peer';

/** Errors about received frames: each says how to react. */
export type GossipFrameErrorType =
  | { code: 'GOSSIP_ERR_FRAME_TOO_LARGE'; reaction: 'drop'; bytes: number; max: number }
  | { code: 'GOSSIP_ERR_UNAUTHENTICATED'; reaction: 'drop' }
  | { code: 'GOSSIP_ERR_BAD_FRAME'; reaction: 'drop'; reason: string }
  | { code: 'GOSSIP_ERR_BAD_VERSION'; reaction: 'drop'; version: unknown }
  | { code: 'GOSSIP_ERR_SENDER_MISMATCH'; reaction: 'reject-peer'; claimed: string; peer: string };

/** Errors of the local API (configuration and table writes). */
export type GossipApiErrorType =
  | { code: 'GOSSIP_ERR_INVALID_KEYRING'; keys: number }
  | { code: 'GOSSIP_ERR_INVALID_CONFIG'; option: string; value: unknown }
  | { code: 'GOSSIP_ERR_ENTRY_EXISTS'; table: string; network: string; key: string }
  | { code: 'GOSSIP_ERR_ENTRY_NOT_FOUND'; table: string; network: string; key: string }
  | { code: 'GOSSIP_ERR_NOT_ON_NETWORK'; network: string }
  | { code: 'GOSSIP_ERR_NOT_RUNNING'; operation: string }
  | { code: 'GOSSIP_ERR_INVALID_NAME'; field: 'table' | 'network' | 'key'; length: number };

/** Every payload a {@link GossipError} can carry. */
export type GossipErrorType = GossipFrameErrorType | GossipApiErrorType;

/** Every gossip error code. */
export type GossipErrorCode = GossipErrorType['code'];

/** The one error class of `@swarmsim/gossip`; branch on `.code`, read metadata from `.type`. */
export class GossipError<T extends GossipErrorType = GossipErrorType> extends SwarmsimError<T> {}

/** Shorthand for a frame error (always one with a reaction). */
export function frameError(type: GossipFrameErrorType): GossipError<GossipFrameErrorType> {
  return new GossipError(type, `gossip frame rejected: ${type.code}`);
}
