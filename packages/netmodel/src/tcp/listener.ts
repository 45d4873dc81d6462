import type { TcpSocket } from './socket.js';

/** A passive open on `ip:port` (`0.0.0.0` = every local address); made by `TcpLayer.listen`. */
export class TcpListener {
  private open = true;

  constructor(
    /** Local address listened on, `0.0.0.0` for any. */
    readonly ip: string,
    /** Local port listened on. */
    readonly port: number,
    /** Most half-open (SYN_RECEIVED) connections held at once; further SYNs are dropped. */
    readonly backlog: number,
    /** Receives each connection once its handshake completed. */
    readonly onConnection: (socket: TcpSocket) => void,
    private readonly onClose: (listener: TcpListener) => void
  ) {}

  /** `LISTEN` until closed. */
  get state(): 'LISTEN' | 'CLOSED' {
    return this.open ? 'LISTEN' : 'CLOSED';
  }

  /** Stops accepting; established connections stay, half-open ones are dropped (as Linux does). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.onClose(this);
  }
}
