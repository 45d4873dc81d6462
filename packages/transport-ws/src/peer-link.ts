import WebSocket from 'ws';
import type { Channel, Logger, PeerId, Random } from '@swarmsim/interface';
import { AckTracker, type Pending } from './ack-tracker.js';
import { transportClosed, unreachable, type WsUnreachableReason } from './errors.js';
import { decodeFrame, encodeBatch, FRAME_OVERHEAD_BYTES, FrameType, MESSAGE_OVERHEAD_BYTES, type FrameMessage } from './frame.js';
import type { ResolvedWsInit } from './options.js';
import type { WsTransportStats } from './stats.js';

/** Upgrade-request header naming the connecting peer. */
export const PEER_HEADER = 'x-swarmsim-peer';
/** Upgrade-request header carrying the join token that admits the peer. */
export const TOKEN_HEADER = 'x-swarmsim-token';

/** What every outgoing link shares with its transport. */
export interface LinkContext {
  localId: PeerId;
  init: ResolvedWsInit;
  stats: WsTransportStats;
  random: Random;
  log: Logger;
}

interface Outgoing {
  channel: Channel;
  payload: Uint8Array;
  pending: Pending | undefined;
}

/**
 * The persistent outgoing connection to one peer: opened lazily by the first send, messages batched into one
 * frame per event-loop turn, reliable messages acknowledged by the peer, reconnects with exponential backoff.
 */
export class PeerLink {
  private state: 'idle' | 'connecting' | 'open' | 'backoff' | 'closed' = 'idle';
  private socket: WebSocket | undefined;
  private failReason: WsUnreachableReason | undefined;
  private queue: Outgoing[] = [];
  private batch: FrameMessage[] = [];
  private batchBytes = FRAME_OVERHEAD_BYTES;
  private flushScheduled: NodeJS.Immediate | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private nextSeq = 1;
  private failures = 0;
  private readonly acks: AckTracker;

  constructor(
    readonly peer: PeerId,
    private readonly url: string,
    private readonly ctx: LinkContext
  ) {
    this.acks = new AckTracker(ctx.init.ackTimeoutMs, () => this.abort('timeout'));
  }

  /** Queues a message; `pending` is set for a reliable one. */
  send(channel: Channel, payload: Uint8Array, pending: Pending | undefined): void {
    const out: Outgoing = { channel, payload, pending };
    if (this.state === 'open') return this.addToBatch(out);
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
    clearImmediate(this.flushScheduled);
    const err = (): Error =>
      reason === 'closed' ? transportClosed(this.ctx.localId) : unreachable(this.peer, 'disconnected');
    this.acks.failAll(err);
    for (const out of this.queue) out.pending?.reject(err());
    this.queue = [];
    this.socket?.terminate();
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
    socket.on('open', () => this.opened());
    socket.on('message', (data: Buffer) => this.received(data));
    socket.on('unexpected-response', (_req, res) => {
      this.failReason = res.statusCode === 401 ? 'unauthorized' : 'refused';
      socket.terminate();
    });
    socket.on('error', (err) => this.ctx.log.debug({ peer: this.peer, err: err.message }, 'connection error'));
    socket.on('close', () => this.disconnected(socket));
  }

  private opened(): void {
    if (this.state !== 'connecting') return;
    this.state = 'open';
    this.failures = 0;
    const queued = this.queue;
    this.queue = [];
    for (const out of queued) this.addToBatch(out);
  }

  private received(data: Buffer): void {
    const frame = decodeFrame(data);
    if (frame?.type !== FrameType.Ack) {
      this.ctx.stats.badFrames++;
      return;
    }
    this.acks.ack(frame.highestSeq, frame.refused, () => unreachable(this.peer, 'faulted'));
  }

  private addToBatch(out: Outgoing): void {
    const size = out.payload.byteLength + MESSAGE_OVERHEAD_BYTES;
    // Never let a frame outgrow maxFrameBytes: the peer would drop it whole.
    if (this.batchBytes + size > this.ctx.init.maxFrameBytes) this.flush();
    let seq = 0;
    if (out.pending !== undefined) {
      seq = this.nextSeq++;
      this.acks.add(seq, out.pending);
    }
    this.batch.push({ channel: out.channel, seq, payload: out.payload });
    this.batchBytes += size;
    // One frame per event-loop turn: everything sent in this turn shares it.
    this.flushScheduled ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    if (this.batch.length === 0 || this.socket === undefined) return;
    const frame = encodeBatch(this.batch);
    this.ctx.stats.messagesSent += this.batch.length;
    this.ctx.stats.framesSent++;
    this.batch = [];
    this.batchBytes = FRAME_OVERHEAD_BYTES;
    this.socket.send(frame);
  }

  private disconnected(socket: WebSocket): void {
    if (socket !== this.socket || this.state === 'closed') return;
    const reason = this.failReason ?? (this.state === 'open' ? 'disconnected' : 'refused');
    if (this.state === 'connecting') this.ctx.stats.connectFailures++;
    this.socket = undefined;
    clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    this.ctx.stats.dropped += this.batch.filter((m) => m.seq === 0).length;
    this.batch = [];
    this.batchBytes = FRAME_OVERHEAD_BYTES;
    this.acks.failAll(() => unreachable(this.peer, reason));
    const queued = this.queue;
    this.queue = [];
    for (const out of queued) this.refuse(out, reason);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.failures++;
    if (this.failures > this.ctx.init.maxReconnectAttempts) {
      // Stop retrying a peer that stays away; the next send tries again.
      this.state = 'idle';
      this.failures = 0;
      return;
    }
    this.state = 'backoff';
    const { reconnectMinMs, reconnectMaxMs } = this.ctx.init;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** (this.failures - 1));
    // Jitter in [0.5, 1) of the delay, so peers that lost each other do not redial in lockstep.
    this.retryTimer = setTimeout(() => this.connect(), base * (0.5 + this.ctx.random() / 2));
  }

  private abort(reason: WsUnreachableReason): void {
    this.failReason = reason;
    this.socket?.terminate();
  }

  private refuse(out: Outgoing, reason: WsUnreachableReason | 'closed'): void {
    if (out.pending === undefined) this.ctx.stats.dropped++;
    else out.pending.reject(reason === 'closed' ? transportClosed(this.ctx.localId) : unreachable(this.peer, reason));
  }
}
