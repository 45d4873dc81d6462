import type { Channel, MessageHandler, PeerId, Transport } from '@swarmsim/interface';

/**
 * Shares one {@link Transport} (which takes a single receiver) between a node's parts: each channel gets a
 * view whose `onMessage` only sees that channel, so gossip owns 'gossip' and the agent protocol 'control'.
 */
export class ChannelMux {
  private readonly handlers = new Map<Channel, MessageHandler>();

  constructor(private readonly transport: Transport) {
    transport.onMessage((from, channel, payload) => this.handlers.get(channel)?.(from, channel, payload));
  }

  /** A transport view for one channel; sends pass through unchanged, close is the owner's job. */
  channel(channel: Channel): Transport {
    const { transport, handlers } = this;
    return {
      get localId(): PeerId {
        return transport.localId;
      },
      get maxPayloadBytes(): number {
        return transport.maxPayloadBytes;
      },
      onMessage: (handler) => void handlers.set(channel, handler),
      sendBestEffort: (to, ch, payload) => transport.sendBestEffort(to, ch, payload),
      sendReliable: (to, ch, payload) => transport.sendReliable(to, ch, payload),
      // The node closes the shared transport once, after every part stopped.
      close: async () => {}
    };
  }
}
