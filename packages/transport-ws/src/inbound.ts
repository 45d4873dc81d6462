import type WebSocket from 'ws';
import type { Channel, PeerId } from '@swarmsim/interface';
import { decodeFrame, encodeAck, FrameType, type FrameMessage } from './frame.js';
import type { WsTransportStats } from './stats.js';

/** What an inbound connection needs from its transport. */
export interface InboundContext {
  maxFrameBytes: number;
  stats: WsTransportStats;
  /** True when the channel is faulted by the test hook: its messages are dropped (reliable ones refused). */
  isFaulted(channel: Channel): boolean;
  /** Hands a message to the transport's handler. */
  deliver(from: PeerId, channel: Channel, payload: Uint8Array): void;
}

/**
 * One accepted connection from a peer: decodes its frames, delivers their messages, and acknowledges the
 * reliable ones with one ack frame per event-loop turn.
 */
export class Inbound {
  private highestSeq = 0;
  private refused: number[] = [];
  // Once a frame is dropped, reliable messages it may have held are lost: acking later ones (acks are
  // cumulative) would report the lost ones delivered, and delivering later ones would break per-channel order.
  // So reliable traffic stops being delivered or acked; the sender's ack timeout rejects those sends and it
  // reconnects, which starts a fresh Inbound. Best-effort messages keep flowing.
  private lostFrame = false;
  private ackScheduled: NodeJS.Immediate | undefined;

  constructor(
    readonly peer: PeerId,
    private readonly socket: WebSocket,
    private readonly ctx: InboundContext
  ) {
    socket.on('message', (data: Buffer) => this.received(data));
    socket.on('error', () => undefined);
    socket.on('close', () => clearImmediate(this.ackScheduled));
  }

  /** Drops the connection without a closing handshake. */
  terminate(): void {
    clearImmediate(this.ackScheduled);
    this.socket.terminate();
  }

  private received(data: Buffer): void {
    const stats = this.ctx.stats;
    stats.framesReceived++;
    // ws already holds the bytes; refusing to decode them keeps one big frame from costing more.
    if (data.byteLength > this.ctx.maxFrameBytes) {
      stats.oversizeFrames++;
      this.lostFrame = true;
      return;
    }
    const frame = decodeFrame(data);
    if (frame?.type !== FrameType.Batch) {
      stats.badFrames++;
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
