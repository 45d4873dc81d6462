// Codes of @swarmsim/transport-ws itself. Its delivery failures are the shared TransportError of
// @swarmsim/interface (TRANSPORT_ERR_PAYLOAD_TOO_LARGE, TRANSPORT_ERR_UNREACHABLE, TRANSPORT_ERR_CLOSED), the same
// class the in-memory network throws, so callers branch on one class and one set of codes.
// WS_ERR_BAD_OPTIONS: an option is out of range (e.g. maxFrameBytes too small to carry maxPayloadBytes)
// WS_ERR_LISTEN_FAILED: the WebSocket server could not bind its host:port
import { SwarmsimError } from '@swarmsim/interface';

/** Payloads of {@link WsTransportError}. */
export type WsTransportErrorType =
  | { code: 'WS_ERR_BAD_OPTIONS'; option: string; value: number }
  | { code: 'WS_ERR_LISTEN_FAILED'; host: string; port: number };

/** A misconfigured or unbindable WebSocket transport. */
export class WsTransportError extends SwarmsimError<WsTransportErrorType> {}
