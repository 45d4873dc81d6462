// Error codes of the TCP layer (copied to docs/errors.md):
// TCP_ERR_CONNECTION_REFUSED: the peer answered our SYN with RST (no listener on that port)
// TCP_ERR_CONNECTION_RESET: the peer reset an established connection (RST)
// TCP_ERR_TIMEOUT: retransmissions exhausted (synRetries for a SYN, maxRetries for data/FIN)
// TCP_ERR_ADDRESS_IN_USE: listen on a taken ip:port, or connect on a 4-tuple already in use
// TCP_ERR_PORTS_EXHAUSTED: no free port left in the ephemeral range
// TCP_ERR_WRITE_AFTER_END: write() after end() on the same socket
// TCP_ERR_NOT_CONNECTED: write() on a socket that is already CLOSED (reset, timed out or destroyed)
// TCP_ERR_INVALID_ARGUMENT: an option or argument out of range (port, MSS, window, timers)
import { SwarmsimError } from '@swarmsim/interface';
import type { TcpState } from './types.js';

/** The four addresses naming one connection. */
export interface TcpTuple {
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
}

/** Every code with the metadata it carries. */
export type TcpErrorType =
  | ({ code: 'TCP_ERR_CONNECTION_REFUSED' } & TcpTuple)
  | ({ code: 'TCP_ERR_CONNECTION_RESET'; state: TcpState } & TcpTuple)
  | ({ code: 'TCP_ERR_TIMEOUT'; state: TcpState; retries: number } & TcpTuple)
  | { code: 'TCP_ERR_ADDRESS_IN_USE'; ip: string; port: number }
  | { code: 'TCP_ERR_PORTS_EXHAUSTED'; min: number; max: number }
  | ({ code: 'TCP_ERR_WRITE_AFTER_END' } & TcpTuple)
  | ({ code: 'TCP_ERR_NOT_CONNECTED' } & TcpTuple)
  | { code: 'TCP_ERR_INVALID_ARGUMENT'; name: string; value: unknown };

/** Any TCP error code. */
export type TcpErrorCode = TcpErrorType['code'];

/** Error raised or emitted by the TCP layer; branch on `code`, read details from `type`. */
export class TcpError extends SwarmsimError<TcpErrorType> {}
