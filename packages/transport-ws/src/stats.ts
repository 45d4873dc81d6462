/** Counters of a WsTransport (all since creation). */
export interface WsTransportStats {
  /** Messages handed to a socket inside a frame. */
  messagesSent: number;
  /** Messages received in well-formed frames (faulted channels included). */
  messagesReceived: number;
  /** Batch frames written (acks not counted). */
  framesSent: number;
  /** Frames read other than well-formed acks, whatever became of them. */
  framesReceived: number;
  /** Best-effort messages that never left: queue full, backoff, faulted channel, connection lost. */
  dropped: number;
  /** Incoming frames above maxFrameBytes, dropped without closing the connection. */
  oversizeFrames: number;
  /** Incoming frames that did not decode. */
  badFrames: number;
  /** Upgrade requests refused for a wrong or missing join token (HTTP 401). */
  authRejections: number;
  /** Outgoing connection attempts that failed. */
  connectFailures: number;
  /** Errors thrown by the message handler (logged, then ignored). */
  handlerErrors: number;
  /** Outgoing connections that opened: a peer that already dialled us is answered on its socket, not dialled. */
  connectionsDialed: number;
  /** Incoming connections accepted (token and peer id checked). */
  connectionsAccepted: number;
  /** Sockets open now, dialled and accepted, each carrying traffic both ways. */
  socketsOpen: number;
}

/** A zeroed {@link WsTransportStats}. */
export function emptyStats(): WsTransportStats {
  return {
    messagesSent: 0,
    messagesReceived: 0,
    framesSent: 0,
    framesReceived: 0,
    dropped: 0,
    oversizeFrames: 0,
    badFrames: 0,
    authRejections: 0,
    connectFailures: 0,
    handlerErrors: 0,
    connectionsDialed: 0,
    connectionsAccepted: 0,
    socketsOpen: 0
  };
}
