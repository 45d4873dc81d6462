// Codes every Transport implementation shares (transport-memory's MemoryNetwork, transport-ws), so the
// compliance suite and callers branch on one set whichever transport carries the node:
// TRANSPORT_ERR_PAYLOAD_TOO_LARGE: payload longer than the transport's maxPayloadBytes; refused, not truncated
// TRANSPORT_ERR_UNREACHABLE: the reliable send failed: unknown, crashed, partitioned, closed or disconnected peer, refused connection, ack timeout, faulted channel
// TRANSPORT_ERR_CLOSED: the local transport was closed before or while the message was in flight
import { SwarmsimError } from './errors.js';
import type { PeerId } from './transport.js';

/**
 * Why a peer could not be reached. The in-memory network says `crashed`/`partitioned`/`closed`; a socket
 * transport says `refused`, `unauthorized`, `timeout`, `faulted`, `backoff` or `overloaded`.
 */
export type UnreachableReason =
  | 'unknown'
  | 'crashed'
  | 'partitioned'
  | 'closed'
  | 'disconnected'
  | 'refused'
  | 'unauthorized'
  | 'timeout'
  | 'faulted'
  | 'backoff'
  | 'overloaded';

/** Payloads of {@link TransportError}. */
export type TransportErrorType =
  | { code: 'TRANSPORT_ERR_PAYLOAD_TOO_LARGE'; size: number; maxPayloadBytes: number }
  | { code: 'TRANSPORT_ERR_UNREACHABLE'; peer: PeerId; reason: UnreachableReason }
  | { code: 'TRANSPORT_ERR_CLOSED'; localId: PeerId };

/** The error every Transport throws or rejects with for the shared failures. */
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
