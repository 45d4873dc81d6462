import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  payloadTooLarge,
  seededRandom,
  silentLogger,
  transportClosed,
  unreachable,
  type Channel,
  type Logger,
  type MessageHandler,
  type PeerId,
  type Transport
} from '@swarmsim/interface';
import { WsTransportError } from './errors.js';
import { Connection, type Sender } from './connection.js';
import { resolveInit, type ResolvedWsInit, type WsTransportInit } from './options.js';
import { PEER_HEADER, PeerLink, TOKEN_HEADER, type LinkContext } from './peer-link.js';
import { emptyStats, type WsTransportStats } from './stats.js';

/** Collaborators of a {@link WsTransport}. */
export interface WsTransportComponents {
  /** @default silentLogger */
  logger?: Logger;
}

/** Starts a WebSocket transport: binds its server, then returns it ready to send and receive. */
export async function createWsTransport(
  init: WsTransportInit,
  components: WsTransportComponents = {}
): Promise<WsTransport> {
  const transport = new WsTransport(resolveInit(init), components.logger ?? silentLogger);
  await transport.listen();
  return transport;
}

/**
 * {@link Transport} over WebSockets: one server per node, at most one socket per peer pair in the common case
 * (a peer that dialled us is answered on its own socket), msgpackr frames batched per event-loop turn, a join
 * token checked before any message is accepted.
 */
export class WsTransport implements Transport {
  readonly localId: PeerId;
  readonly maxPayloadBytes: number;
  private readonly server: WebSocketServer;
  private readonly book = new Map<PeerId, string>();
  private readonly links = new Map<PeerId, PeerLink>();
  private readonly inbound = new Map<PeerId, Connection>();
  /** The socket (or dialling link) the last message to each peer went to. */
  private readonly current = new Map<PeerId, Sender>();
  private readonly faulted = new Set<Channel>();
  private readonly counters = emptyStats();
  private readonly linkContext: LinkContext;
  private readonly token: Buffer;
  private handler: MessageHandler | undefined;
  private closed = false;

  /** Use {@link createWsTransport}, which also binds the server. */
  constructor(
    private readonly init: ResolvedWsInit,
    private readonly log: Logger
  ) {
    this.localId = init.localId;
    this.maxPayloadBytes = init.maxPayloadBytes;
    this.token = Buffer.from(init.token);
    this.setPeers(init.peers);
    this.linkContext = {
      localId: init.localId,
      init,
      stats: this.counters,
      random: seededRandom(init.seed),
      log,
      isFaulted: (channel) => this.faulted.has(channel),
      deliver: (from, channel, payload) => this.deliver(from, channel, payload),
      hasOpenInbound: (peer) => this.inbound.get(peer)?.isOpen === true
    };
    this.server = new WebSocketServer({
      host: init.host,
      port: init.port,
      maxPayload: init.socketMaxPayloadBytes,
      perMessageDeflate: false,
      verifyClient: (info, cb) => this.verify(info.req, cb)
    });
    this.server.on('connection', (socket, req) => this.accept(socket, req));
  }

  /** The port the server is bound to. */
  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : this.init.port;
  }

  /** The URL peers use to reach this node, for their address books. */
  get url(): string {
    return `ws://${this.init.host}:${this.port}`;
  }

  /** A snapshot of the counters. */
  get stats(): Readonly<WsTransportStats> {
    return { ...this.counters };
  }

  /**
   * Adds or replaces address-book entries; a changed address drops the outgoing link to the old one (its pending
   * messages reject) and takes effect on the next connection.
   */
  setPeers(book: Record<PeerId, string>): void {
    for (const [peer, url] of Object.entries(book)) {
      if (this.book.get(peer) === url) continue;
      this.links.get(peer)?.close('readdressed');
      this.links.delete(peer);
      this.book.set(peer, url);
    }
  }

  /** Test hook: while faulted, a channel drops best-effort messages and refuses reliable ones, both ways. */
  faultChannel(channel: Channel, faulted = true): void {
    if (faulted) this.faulted.add(channel);
    else this.faulted.delete(channel);
  }

  /** Resolves once the server listens. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('listening', () => resolve());
      this.server.once('error', (err) => {
        const { host, port } = this.init;
        reject(
          new WsTransportError({ code: 'WS_ERR_LISTEN_FAILED', host, port }, `cannot listen on ${host}:${port}`, {
            cause: err
          })
        );
      });
    });
  }

  onMessage(handler: MessageHandler): void {
    this.handler = handler;
  }

  sendBestEffort(to: PeerId, channel: Channel, payload: Uint8Array): void {
    if (payload.byteLength > this.maxPayloadBytes) throw payloadTooLarge(payload.byteLength, this.maxPayloadBytes);
    const sender = this.closed || this.faulted.has(channel) ? undefined : this.sender(to);
    // Datagram semantics: an unreachable peer is a silent loss.
    if (sender === undefined) this.counters.dropped++;
    else sender.send(channel, payload.slice(), undefined);
  }

  sendReliable(to: PeerId, channel: Channel, payload: Uint8Array): Promise<void> {
    if (payload.byteLength > this.maxPayloadBytes)
      return Promise.reject(payloadTooLarge(payload.byteLength, this.maxPayloadBytes));
    if (this.closed) return Promise.reject(transportClosed(this.localId));
    if (this.faulted.has(channel)) return Promise.reject(unreachable(to, 'faulted'));
    const sender = this.sender(to);
    if (sender === undefined) return Promise.reject(unreachable(to, 'unknown'));
    return new Promise((resolve, reject) => sender.send(channel, payload.slice(), { resolve, reject }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handler = undefined;
    for (const link of this.links.values()) link.close();
    for (const inbound of this.inbound.values()) inbound.close(() => transportClosed(this.localId));
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Where the next message to `to` goes. The rule: the same socket as the last message while that one still has
   * reliable messages unacknowledged (or queued while it dials), so a switch can never reorder a channel;
   * otherwise our own outgoing link while it is open or dialling; else the peer's open incoming connection; else
   * our outgoing link, which dials (undefined when the address book lacks the peer).
   */
  private sender(to: PeerId): Sender | undefined {
    const previous = this.current.get(to);
    if (previous?.busy === true) return previous;
    const link = this.links.get(to);
    const inbound = this.inbound.get(to);
    const next = link?.isActive === true ? link : inbound?.isOpen === true ? inbound : this.link(to);
    if (next === undefined) this.current.delete(to);
    else this.current.set(to, next);
    return next;
  }

  private link(to: PeerId): PeerLink | undefined {
    let link = this.links.get(to);
    if (link === undefined) {
      const url = this.book.get(to);
      if (url === undefined) return undefined;
      link = new PeerLink(to, url, this.linkContext);
      this.links.set(to, link);
    }
    return link;
  }

  private verify(req: IncomingMessage, cb: (ok: boolean, code?: number) => void): void {
    const token = req.headers[TOKEN_HEADER];
    const given = Buffer.from(typeof token === 'string' ? token : '');
    // Constant-time compare, so the token cannot be guessed byte by byte from response times.
    if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) {
      this.counters.authRejections++;
      return cb(false, 401);
    }
    if (typeof req.headers[PEER_HEADER] !== 'string' || this.closed) return cb(false, 400);
    cb(true);
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const peer = req.headers[PEER_HEADER] as string;
    // The newest connection from a peer wins: the old one is dead or a duplicate, and two live ones could reorder.
    this.inbound.get(peer)?.close(() => unreachable(peer, 'disconnected'));
    this.counters.connectionsAccepted++;
    const inbound = new Connection(peer, socket, this.linkContext);
    this.inbound.set(peer, inbound);
    // Both ends dialled at once: the socket dialled by the lower id is kept, so the higher id drops its own dial
    // if that has not opened yet (the lower id never sends on a socket while its own dial is pending).
    if (this.localId > peer) this.links.get(peer)?.yieldTo(inbound);
    socket.on('close', () => {
      if (this.inbound.get(peer) === inbound) this.inbound.delete(peer);
      if (this.current.get(peer) === inbound) this.current.delete(peer);
    });
  }

  private deliver(from: PeerId, channel: Channel, payload: Uint8Array): void {
    const handler = this.handler;
    if (handler === undefined) return;
    try {
      handler(from, channel, payload);
    } catch (err) {
      this.counters.handlerErrors++;
      this.log.error({ err, from, channel }, 'message handler threw');
    }
  }
}
