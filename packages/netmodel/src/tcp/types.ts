import type { TcpError } from './errors.js';

/** Connection states of RFC 9293 §3.3.2, spelled as Linux `ss` prints them. */
export type TcpState =
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RECEIVED'
  | 'ESTABLISHED'
  | 'FIN_WAIT_1'
  | 'FIN_WAIT_2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT'
  | 'CLOSED';

/** Events of a {@link TcpSocket}; all are emitted from the clock (deferred), never inside an API call. */
export type TcpSocketEvents = {
  /** Active open completed (the passive side gets the socket through `onConnection` instead). */
  connect: [];
  /** In-order bytes from the peer. */
  data: [Uint8Array];
  /** The peer sent FIN: no more data will arrive (our side may still write). */
  end: [];
  /** The connection is over for the application; `hadError` after `error`. */
  close: [hadError: boolean];
  /** Reset, refused or timed out; `close(true)` follows. */
  error: [TcpError];
};

/** Per-socket counters, like Linux `tcp_info`. */
export interface TcpStats {
  /** Segments (SYN, data or FIN) sent again after a timeout, a triple duplicate ACK or a partial ACK. */
  retransmits: number;
  /** Payload bytes put on the wire, retransmissions included (`tcpi_bytes_sent`). */
  bytesSent: number;
  /** Payload bytes delivered in order to the application (`tcpi_bytes_received`). */
  bytesReceived: number;
  /** Segments handed to `output`, pure ACKs included. */
  segmentsSent: number;
  /** Segments demultiplexed to this socket. */
  segmentsReceived: number;
}
