import WebSocket from 'ws';
import { AckTracker, type Pending } from './ack-tracker.js';
import { unreachable, type Channel, type PeerId, type UnreachableReason } from '@swarmsim/interface';
import {
  decodeFrame,
  encodeAck,
  encodeBatch,
  FRAME_OVERHEAD_BYTES,
  FrameType,
  MESSAGE_OVERHEAD_BYTES,
  type FrameMessage
} from './frame.js';
import type { ResolvedWsInit } from './options.js';
import type { WsTransportStats } from './stats.js';

/** Where messages to one peer are handed: an open socket's {@link Connection}, or the link that dials one. */
export interface Sender {
  /** Queues a message; `pending` is set for a reliable one. */
  send(channel: Channel, payload: Uint8Array, pending: Pending | undefined): void;
  /** True while reliable messages handed to it await their ack: moving to another socket now could reorder them. */
  readonly busy: boolean;
}

/** What every connection shares with its transport. */
export interface ConnectionContext {
  init: ResolvedWsInit;
  stats: WsTransportStats;
  /** True when the channel is faulted by the test hook: its messages are dropped (reliable ones refused). */
  isFaulted(channel: Channel): boolean;
  /** Hands a message to the transport's handler. */
  deliver(from: PeerId, channel: Channel, payload: Uint8Array): void;
}

/**
 * One open WebSocket to a peer, dialled or accepted, and the same at both ends: each end batches what it sends
 * into one frame per event-loop turn, numbers its reliable messages in its own sequence space and tracks their
 * acks, and acknowledges the reliable messages it receives with one ack frame per turn.
 */
export class Connection implements Sender {
  private closed = false;
  private failReason: UnreachableReason | undefined;
  // Send half.
  private batch: FrameMessage[] = [];
  private batchBytes = FRAME_OVERHEAD_BYTES;
  private flushScheduled: NodeJS.Immediate | undefined;
  private nextSeq = 1;
  private readonly acks: AckTracker;
  // Receive half.
  private highestSeq = 0;
  private refused: number[] = [];
  // Once a frame is dropped, reliable messages it may have held are lost: acking later ones (acks are
  // cumulative) would report the lost ones delivered, and delivering later ones would break per-channel order.
  // So reliable traffic stops being delivered or acked; the sender's ack timeout rejects those sends and drops
  // the socket, and the next one starts fresh. Best-effort messages keep flowing.
  private lostFrame = false;
  private ackScheduled: NodeJS.Immediate | undefined;

  constructor(
    readonly peer: PeerId,
    private readonly socket: WebSocket,
    private readonly ctx: ConnectionContext
  ) {
    this.acks = new AckTracker(ctx.init.ackTimeoutMs, () => this.abort('timeout'));
    ctx.stats.socketsOpen++;
    socket.on('message', (data: Buffer) => this.received(data));
    socket.on('error', () => undefined);
    socket.on('close', () => this.lost());
  }

  /** True until the socket starts closing. */
  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === WebSocket.OPEN;
  }

  get busy(): boolean {
    return this.isOpen && this.acks.size > 0;
  }

  send(channel: Channel, payload: Uint8Array, pending: Pending | undefined): void {
    if (!this.isOpen) {
      if (pending === undefined) this.ctx.stats.dropped++;
      else pending.reject(unreachable(this.peer, this.failReason ?? 'disconnected'));
      return;
    }
    const size = payload.byteLength + MESSAGE_OVERHEAD_BYTES;
    // Never let a frame outgrow maxFrameBytes: the peer would drop it whole.
    if (this.batchBytes + size > this.ctx.init.maxFrameBytes) this.flush();
    let seq = 0;
    if (pending !== undefined) {
      seq = this.nextSeq++;
      this.acks.add(seq, pending);
    }
    this.batch.push({ channel, seq, payload });
    this.batchBytes += size;
    // One frame per event-loop turn: everything sent in this turn shares it.
    this.flushScheduled ??= setImmediate(() => this.flush());
  }

  /** Drops the socket without a closing handshake; reliable messages awaiting their ack reject with `err()`. */
  close(err: () => Error): void {
    this.shutdown(err);
    this.socket.terminate();
  }

  private abort(reason: UnreachableReason): void {
    this.failReason = reason;
    this.socket.terminate();
  }

  private lost(): void {
    this.ctx.stats.socketsOpen--;
    this.shutdown(() => unreachable(this.peer, this.failReason ?? 'disconnected'));
  }

  private shutdown(err: () => Error): void {
    if (this.closed) return;
    this.closed = true;
    clearImmediate(this.flushScheduled);
    clearImmediate(this.ackScheduled);
    this.ctx.stats.dropped += this.batch.filter((m) => m.seq === 0).length;
    this.batch = [];
    this.acks.failAll(err);
  }

  private flush(): void {
    clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    if (this.batch.length === 0) return;
    const frame = encodeBatch(this.batch);
    this.ctx.stats.messagesSent += this.batch.length;
    this.ctx.stats.framesSent++;
    this.batch = [];
    this.batchBytes = FRAME_OVERHEAD_BYTES;
    this.socket.send(frame);
  }

  private received(data: Buffer): void {
    if (this.closed) return;
    const stats = this.ctx.stats;
    // ws already holds the bytes; refusing to decode them keeps one big frame from costing more.
    const oversize = data.byteLength > this.ctx.init.maxFrameBytes;
    const frame = oversize ? undefined : decodeFrame(data);
    if (frame?.type === FrameType.Ack)
      return this.acks.ack(frame.highestSeq, frame.refused, () => unreachable(this.peer, 'faulted'));
    stats.framesReceived++;
    if (frame === undefined) {
      if (oversize) stats.oversizeFrames++;
      else stats.badFrames++;
      this.lostFrame = true;
      return;
    }
    stats.messagesReceived += frame.messages.length;
    for (const message of frame.messages) this.handle(message);
  }

  private handle(message: FrameMessage): void {
    const faulted = this.ctx.isFaulted(message.channel);
    if (message.seq !== 0 && this.lostFrame) {
      this.ctx.stats.dropped++;
      return;
    }
    if (message.seq !== 0) {
      this.highestSeq = Math.max(this.highestSeq, message.seq);
      if (faulted) this.refused.push(message.seq);
      this.ackScheduled ??= setImmediate(() => this.sendAck());
    }
    if (!faulted) this.ctx.deliver(this.peer, message.channel, message.payload);
  }

  private sendAck(): void {
    this.ackScheduled = undefined;
    this.socket.send(encodeAck(this.highestSeq, this.refused));
    this.refused = [];
  }
}
