// Codes of @swarmsim/transport-ws. The TRANSPORT_ERR_* codes are the ones every Transport shares (the
// testkit MemoryNetwork uses the same strings), so callers and the compliance suite branch on one set.
// TRANSPORT_ERR_PAYLOAD_TOO_LARGE: payload longer than maxPayloadBytes; refused, not truncated
// TRANSPORT_ERR_UNREACHABLE: the reliable send failed: unknown peer, connection refused/lost, ack timeout, faulted channel
// TRANSPORT_ERR_CLOSED: the local transport was closed before or while the message was in flight
// WS_ERR_BAD_OPTIONS: an option is out of range (e.g. maxFrameBytes too small to carry maxPayloadBytes)
// WS_ERR_LISTEN_FAILED: the WebSocket server could not bind its host:port
import { SwarmsimError, type PeerId } from '@swarmsim/interface';

/** Why a reliable send to a peer failed. */
export type WsUnreachableReason =
  'unknown' | 'refused' | 'unauthorized' | 'disconnected' | 'timeout' | 'faulted' | 'backoff' | 'overloaded';

/** Payloads of {@link WsTransportError}. */
export type WsTransportErrorType =
  | { code: 'TRANSPORT_ERR_PAYLOAD_TOO_LARGE'; size: number; maxPayloadBytes: number }
  | { code: 'TRANSPORT_ERR_UNREACHABLE'; peer: PeerId; reason: WsUnreachableReason }
  | { code: 'TRANSPORT_ERR_CLOSED'; localId: PeerId }
  | { code: 'WS_ERR_BAD_OPTIONS'; option: string; value: number }
  | { code: 'WS_ERR_LISTEN_FAILED'; host: string; port: number };

/** Every error the WebSocket transport throws or rejects with. */
export class WsTransportError extends SwarmsimError<WsTransportErrorType> {}

/** The refusal of an oversize payload. */
export function payloadTooLarge(size: number, maxPayloadBytes: number): WsTransportError {
  return new WsTransportError(
    { code: 'TRANSPORT_ERR_PAYLOAD_TOO_LARGE', size, maxPayloadBytes },
    `payload of ${size} bytes exceeds maxPayloadBytes ${maxPayloadBytes}`
  );
}

/** The failure of a reliable send to `peer`. */
export function unreachable(peer: PeerId, reason: WsUnreachableReason): WsTransportError {
  return new WsTransportError(
    { code: 'TRANSPORT_ERR_UNREACHABLE', peer, reason },
    `peer ${peer} unreachable (${reason})`
  );
}

/** A send on, or a message in flight from, a closed transport. */
export function transportClosed(localId: PeerId): WsTransportError {
  return new WsTransportError({ code: 'TRANSPORT_ERR_CLOSED', localId }, `transport ${localId} is closed`);
}
