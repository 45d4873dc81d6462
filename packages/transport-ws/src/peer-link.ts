import WebSocket from 'ws';
import type { Pending } from './ack-tracker.js';
import { Connection, type ConnectionContext, type Sender } from './connection.js';
import {
  transportClosed,
  unreachable,
  type Channel,
  type Logger,
  type PeerId,
  type Random,
  type UnreachableReason
} from '@swarmsim/interface';

/** Upgrade-request header naming the connecting peer. */
export const PEER_HEADER = 'x-swarmsim-peer';
/** Upgrade-request header carrying the join token that admits the peer. */
export const TOKEN_HEADER = 'x-swarmsim-token';

/** What every outgoing link shares with its transport. */
export interface LinkContext extends ConnectionContext {
  localId: PeerId;
  random: Random;
  log: Logger;
  /** True while the peer's own connection to us is open: it can carry our messages, so redialling is moot. */
  hasOpenInbound(peer: PeerId): boolean;
}

interface Outgoing {
  channel: Channel;
  payload: Uint8Array;
  pending: Pending | undefined;
}

/**
 * The outgoing connection to one peer: dialled lazily by the first send that finds no open socket, messages
 * queued while it opens, then handed to its {@link Connection}; reconnects with exponential backoff.
 */
export class PeerLink implements Sender {
  private state: 'idle' | 'connecting' | 'open' | 'backoff' | 'closed' = 'idle';
  private socket: WebSocket | undefined;
  private connection: Connection | undefined;
  private failReason: UnreachableReason | undefined;
  private queue: Outgoing[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(
    readonly peer: PeerId,
    private readonly url: string,
    private readonly ctx: LinkContext
  ) {}

  /** True while the dialled socket is open or still being dialled. */
  get isActive(): boolean {
    return this.state === 'connecting' || (this.state === 'open' && this.connection?.isOpen === true);
  }

  // While dialling, anything queued counts: the queue goes out first once the socket opens.
  get busy(): boolean {
    return this.state === 'connecting' ? this.queue.length > 0 : this.connection?.busy === true;
  }

  send(channel: Channel, payload: Uint8Array, pending: Pending | undefined): void {
    if (this.connection !== undefined) return this.connection.send(channel, payload, pending);
    const out: Outgoing = { channel, payload, pending };
    if (this.state === 'backoff' || this.state === 'closed') return this.refuse(out, this.state);
    if (this.queue.length >= this.ctx.init.maxQueuedMessages) return this.refuse(out, 'overloaded');
    this.queue.push(out);
    if (this.state === 'idle') this.connect();
  }

  /**
   * Stops for good and drops the socket. Pending messages reject with TRANSPORT_ERR_CLOSED, or with
   * TRANSPORT_ERR_UNREACHABLE when only this link goes (the peer's address changed).
   */
  close(reason: 'closed' | 'readdressed' = 'closed'): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.retryTimer);
    const err = (): Error =>
      reason === 'closed' ? transportClosed(this.ctx.localId) : unreachable(this.peer, 'disconnected');
    for (const out of this.queue) out.pending?.reject(err());
    this.queue = [];
    this.connection?.close(err);
    this.connection = undefined;
    this.socket?.terminate();
  }

  /**
   * Simultaneous dials: while still dialling, abandons the dial and hands the queue to the peer's `connection`.
   * Nothing queued has touched the wire, so nothing is lost or sent twice, and order is kept.
   */
  yieldTo(connection: Connection): void {
    if (this.state !== 'connecting') return;
    const socket = this.socket;
    // Forget the socket first, so its close is not taken for a failure that calls for a reconnect.
    this.socket = undefined;
    this.standDown();
    socket?.terminate();
    const queued = this.queue;
    this.queue = [];
    for (const out of queued) connection.send(out.channel, out.payload, out.pending);
  }

  private connect(): void {
    this.state = 'connecting';
    this.failReason = undefined;
    const socket = new WebSocket(this.url, {
      headers: { [PEER_HEADER]: this.ctx.localId, [TOKEN_HEADER]: this.ctx.init.token },
      handshakeTimeout: this.ctx.init.connectTimeoutMs,
      maxPayload: this.ctx.init.socketMaxPayloadBytes,
      perMessageDeflate: false
    });
    this.socket = socket;
    socket.on('open', () => this.opened(socket));
    socket.on('unexpected-response', (_req, res) => {
      this.failReason = res.statusCode === 401 ? 'unauthorized' : 'refused';
      socket.terminate();
    });
    socket.on('error', (err) => this.ctx.log.debug({ peer: this.peer, err: err.message }, 'connection error'));
    socket.on('close', () => this.disconnected(socket));
  }

  private opened(socket: WebSocket): void {
    if (this.state !== 'connecting') return;
    this.state = 'open';
    this.failures = 0;
    this.ctx.stats.connectionsDialed++;
    const connection = new Connection(this.peer, socket, this.ctx);
    this.connection = connection;
    const queued = this.queue;
    this.queue = [];
    for (const out of queued) connection.send(out.channel, out.payload, out.pending);
  }

  private disconnected(socket: WebSocket): void {
    if (socket !== this.socket || this.state === 'closed') return;
    const reason = this.failReason ?? (this.state === 'open' ? 'disconnected' : 'refused');
    if (this.state === 'connecting') this.ctx.stats.connectFailures++;
    this.socket = undefined;
    // The connection rejects its own unacknowledged messages on this same close event.
    this.connection = undefined;
    const queued = this.queue;
    this.queue = [];
    for (const out of queued) this.refuse(out, reason);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.failures++;
    if (this.failures > this.ctx.init.maxReconnectAttempts) return this.standDown();
    this.state = 'backoff';
    const { reconnectMinMs, reconnectMaxMs } = this.ctx.init;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** (this.failures - 1));
    // Jitter in [0.5, 1) of the delay, so peers that lost each other do not redial in lockstep.
    this.retryTimer = setTimeout(() => this.redial(), base * (0.5 + this.ctx.random() / 2));
  }

  private redial(): void {
    // The peer dialled us meanwhile: its socket carries our messages too, so a second one would only cost fds.
    if (this.ctx.hasOpenInbound(this.peer)) this.standDown();
    else this.connect();
  }

  // Stop retrying; the next send that finds no open socket dials again.
  private standDown(): void {
    this.state = 'idle';
    this.failures = 0;
  }

  private refuse(out: Outgoing, reason: UnreachableReason | 'closed'): void {
    if (out.pending === undefined) this.ctx.stats.dropped++;
    else out.pending.reject(reason === 'closed' ? transportClosed(this.ctx.localId) : unreachable(this.peer, reason));
  }
}
