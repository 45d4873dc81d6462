// Codes shared by every Transport implementation (MemoryNetwork, transport-ws), so the compliance suite
// and callers branch on one set:
// TRANSPORT_ERR_PAYLOAD_TOO_LARGE: payload longer than the transport's maxPayloadBytes; refused, not truncated
// TRANSPORT_ERR_UNREACHABLE: the peer is unknown, crashed, partitioned away or closed; the reliable send failed
// TRANSPORT_ERR_CLOSED: the local transport was closed before or while the message was in flight
// TRANSPORT_ERR_DUPLICATE_PEER: MemoryNetwork.createTransport for an id that already has a live transport
import { SwarmsimError, type PeerId } from '@swarmsim/interface';

/** Why a peer could not be reached. */
export type UnreachableReason = 'unknown' | 'crashed' | 'partitioned' | 'closed' | 'disconnected';

/** Payloads of {@link TransportError}. */
export type TransportErrorType =
  | { code: 'TRANSPORT_ERR_PAYLOAD_TOO_LARGE'; size: number; maxPayloadBytes: number }
  | { code: 'TRANSPORT_ERR_UNREACHABLE'; peer: PeerId; reason: UnreachableReason }
  | { code: 'TRANSPORT_ERR_CLOSED'; localId: PeerId }
  | { code: 'TRANSPORT_ERR_DUPLICATE_PEER'; peer: PeerId };

/** Every error a testkit transport throws or rejects with. */
export class TransportError extends SwarmsimError<TransportErrorType> {}

/** The refusal of an oversize payload. */
export function payloadTooLarge(size: number, maxPayloadBytes: number): TransportError {
  return new TransportError(
    { code: 'TRANSPORT_ERR_PAYLOAD_TOO_LARGE', size, maxPayloadBytes },
    `payload of ${size} bytes exceeds maxPayloadBytes ${maxPayloadBytes}`
  );
}

/** The failure of a reliable send to `peer`. */
export function unreachable(peer: PeerId, reason: UnreachableReason): TransportError {
  return new TransportError(
    { code: 'TRANSPORT_ERR_UNREACHABLE', peer, reason },
    `peer ${peer} unreachable (${reason})`
  );
}

/** A send on, or a message in flight from, a closed transport. */
export function transportClosed(localId: PeerId): TransportError {
  return new TransportError({ code: 'TRANSPORT_ERR_CLOSED', localId }, `transport ${localId} is closed`);
}
