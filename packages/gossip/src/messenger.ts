import type { Logger, Transport } from '@swarmsim/interface';
import type { GossipConfig } from './config.js';
import { type GossipErrorCode, GossipError, frameError } from './errors.js';
import type { FrameCodec } from './wire/frame-codec.js';
import { type BodyOf, type Envelope, MsgType } from './wire/messages.js';

/** Traffic and drop counters of one node. */
export interface GossipStats {
  framesSent: number;
  bytesSent: number;
  framesReceived: number;
  bytesReceived: number;
  /** Frames dropped for any reason. */
  dropped: number;
  /** Dropped frames by error code. */
  droppedBy: Partial<Record<GossipErrorCode, number>>;
  /** Frames not sent because they would exceed a size limit. */
  sendsTooLarge: number;
  /** Peers whose frames are ignored after a `reject-peer` reaction. */
  rejectedPeers: string[];
}

const reliableTypes = new Set([MsgType.PushPull, MsgType.BulkSync]);

/** Seals, sends, receives and counts frames on the `gossip` channel. */
export class Messenger {
  /** Live counters. */
  readonly stats: GossipStats = {
    framesSent: 0,
    bytesSent: 0,
    framesReceived: 0,
    bytesReceived: 0,
    dropped: 0,
    droppedBy: {},
    sendsTooLarge: 0,
    rejectedPeers: []
  };
  private readonly rejected = new Set<string>();

  constructor(
    private readonly transport: Transport,
    private readonly codec: FrameCodec,
    private readonly config: GossipConfig,
    private readonly ltime: () => number,
    private readonly log: Logger
  ) {}

  /** Sends a datagram-type message best-effort (lost silently, like UDP). */
  datagram<T extends MsgType>(to: string, type: T, body: BodyOf[T]): void {
    const frame = this.frame(type, body, Math.min(this.config.maxFrameBytes, this.transport.maxPayloadBytes));
    if (frame === undefined) return;
    this.transport.sendBestEffort(to, 'gossip', frame);
  }

  /** Sends a stream-type message reliably; resolves false when the peer cannot be reached. */
  async reliable<T extends MsgType>(to: string, type: T, body: BodyOf[T]): Promise<boolean> {
    const frame = this.frame(type, body, Math.min(this.config.maxStreamBytes, this.transport.maxPayloadBytes));
    if (frame === undefined) return false;
    try {
      await this.transport.sendReliable(to, 'gossip', frame);
      return true;
    } catch {
      return false;
    }
  }

  /** Opens a received frame; a bad one is counted and yields undefined, never an exception. */
  open(from: string, payload: Uint8Array): Envelope | undefined {
    if (this.rejected.has(from)) return this.drop(from, 'GOSSIP_ERR_SENDER_MISMATCH');
    try {
      const envelope = this.codec.open(payload, from, this.config.maxStreamBytes);
      // Datagram types must fit the datagram budget even though the transport cannot tell us the lane.
      if (!reliableTypes.has(envelope.type) && payload.length > this.config.maxFrameBytes) {
        throw frameError({
          code: 'GOSSIP_ERR_FRAME_TOO_LARGE',
          reaction: 'drop',
          bytes: payload.length,
          max: this.config.maxFrameBytes
        });
      }
      this.stats.framesReceived += 1;
      this.stats.bytesReceived += payload.length;
      return envelope;
    } catch (err) {
      if (!(err instanceof GossipError)) throw err;
      if (err.type.code === 'GOSSIP_ERR_SENDER_MISMATCH') this.reject(from);
      return this.drop(from, err.code);
    }
  }

  private frame<T extends MsgType>(type: T, body: BodyOf[T], max: number): Uint8Array | undefined {
    const envelope = { v: 1, type, from: this.transport.localId, ltime: this.ltime(), body } as Envelope;
    const frame = this.codec.seal(envelope);
    if (frame.length > max) {
      this.stats.sendsTooLarge += 1;
      this.log.warn({ type, bytes: frame.length, max }, 'gossip frame too large, not sent');
      return undefined;
    }
    this.stats.framesSent += 1;
    this.stats.bytesSent += frame.length;
    return frame;
  }

  private reject(peer: string): void {
    if (this.rejected.has(peer)) return;
    this.rejected.add(peer);
    this.stats.rejectedPeers.push(peer);
    this.log.warn({ peer }, 'gossip peer rejected');
  }

  private drop(from: string, code: GossipErrorCode): undefined {
    this.stats.dropped += 1;
    this.stats.droppedBy[code] = (this.stats.droppedBy[code] ?? 0) + 1;
    this.log.debug({ from, code }, 'gossip frame dropped');
    return undefined;
  }
}
