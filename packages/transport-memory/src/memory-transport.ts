import {
  payloadTooLarge,
  transportClosed,
  type Channel,
  type MessageHandler,
  type PeerId,
  type Transport
} from '@swarmsim/interface';

/** What a {@link MemoryTransport} needs from its network (kept off MemoryNetwork's public surface). */
export interface Wire {
  sendBestEffort(from: PeerId, to: PeerId, channel: Channel, payload: Uint8Array): void;
  sendReliable(from: PeerId, to: PeerId, channel: Channel, payload: Uint8Array): Promise<void>;
}

/** One node's {@link Transport} on a MemoryNetwork. */
export class MemoryTransport implements Transport {
  private handler: MessageHandler | undefined;
  private state: 'open' | 'closed' = 'open';

  constructor(
    readonly localId: PeerId,
    readonly maxPayloadBytes: number,
    private readonly wire: Wire
  ) {}

  /** False once closed or crashed: nothing goes in or out any more. */
  get open(): boolean {
    return this.state === 'open';
  }

  onMessage(handler: MessageHandler): void {
    this.handler = handler;
  }

  sendBestEffort(to: PeerId, channel: Channel, payload: Uint8Array): void {
    this.checkSize(payload);
    // Datagram semantics: a closed socket drops silently rather than throwing.
    if (!this.open) return;
    this.wire.sendBestEffort(this.localId, to, channel, payload.slice());
  }

  sendReliable(to: PeerId, channel: Channel, payload: Uint8Array): Promise<void> {
    if (payload.byteLength > this.maxPayloadBytes) {
      return Promise.reject(payloadTooLarge(payload.byteLength, this.maxPayloadBytes));
    }
    if (!this.open) return Promise.reject(transportClosed(this.localId));
    return this.wire.sendReliable(this.localId, to, channel, payload.slice());
  }

  async close(): Promise<void> {
    this.shutdown();
  }

  /** Closes without a goodbye, as a crash does; in-flight messages are dropped when they arrive. */
  shutdown(): void {
    if (!this.open) return;
    this.state = 'closed';
    this.handler = undefined;
  }

  /** Hands one message to the handler; false when nobody listens. */
  deliver(from: PeerId, channel: Channel, payload: Uint8Array): boolean {
    const handler = this.handler;
    if (!this.open || handler === undefined) return false;
    handler(from, channel, payload);
    return true;
  }

  private checkSize(payload: Uint8Array): void {
    if (payload.byteLength > this.maxPayloadBytes) throw payloadTooLarge(payload.byteLength, this.maxPayloadBytes);
  }
}
