import { Emitter } from '@swarmsim/interface';
import type { TcpTuple } from './errors.js';
import type { TcpSocketEvents, TcpState, TcpStats } from './types.js';

/** What a {@link TcpSocket} delegates to (the connection's control block). */
export interface SocketBackend extends TcpTuple {
  readonly state: TcpState;
  readonly stats: TcpStats;
  readonly smoothedRttMs: number | undefined;
  write(data: Uint8Array): void;
  end(): void;
  destroy(): void;
}

/**
 * One end of a TCP connection, as the application sees it. Events (`connect`, `data`, `end`, `close`,
 * `error`) are emitted on a zero-delay clock timer, never from inside a method call.
 */
export class TcpSocket extends Emitter<TcpSocketEvents> implements TcpTuple {
  readonly localIp: string;
  readonly localPort: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly #backend: SocketBackend;

  /** Sockets come from `TcpLayer.connect` or a listener, never from user code. */
  constructor(backend: SocketBackend) {
    super();
    this.#backend = backend;
    this.localIp = backend.localIp;
    this.localPort = backend.localPort;
    this.remoteIp = backend.remoteIp;
    this.remotePort = backend.remotePort;
  }

  /** Current RFC 9293 state. */
  get state(): TcpState {
    return this.#backend.state;
  }

  /** Live counters. */
  get stats(): Readonly<TcpStats> {
    return this.#backend.stats;
  }

  /** Smoothed round-trip time (RFC 6298 SRTT), undefined before the first sample. */
  get rttMs(): number | undefined {
    return this.#backend.smoothedRttMs;
  }

  /** Queues bytes; they go out as the peer's window allows. Throws `TCP_ERR_WRITE_AFTER_END` / `TCP_ERR_NOT_CONNECTED`. */
  write(data: Uint8Array): void {
    this.#backend.write(data);
  }

  /** Half-close: a FIN follows the queued bytes; data from the peer still arrives. */
  end(): void {
    this.#backend.end();
  }

  /** Aborts: sends RST where the state calls for it and closes at once. */
  destroy(): void {
    this.#backend.destroy();
  }
}
