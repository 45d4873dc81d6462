/** Name of a peer on a {@link Transport}: a node id such as `node-1`. */
export type PeerId = string;

/**
 * Independent lanes of one node's connection, so each can be faulted alone:
 * control (Swarm's 2377/tcp), gossip (7946) and data (VXLAN, 4789/udp).
 */
export type Channel = 'control' | 'gossip' | 'data';

/** Called for every message delivered to this transport. */
export type MessageHandler = (from: PeerId, channel: Channel, payload: Uint8Array) => void;

/**
 * How nodes reach each other. Semantics, as memberlist documents its Transport:
 *
 * - `sendBestEffort` is a datagram: it may be lost, duplicated or reordered, and it never throws
 *   for an unreachable peer (the loss is silent, as with UDP). Gossip and data frames use it.
 * - `sendReliable` is an ordered message stream per (peer, channel): messages arrive at most once and in
 *   the order sent, or the returned promise rejects (peer unreachable, transport closed). Control-plane
 *   messages and bulk syncs use it.
 * - Handlers run after `send*` returns, never re-entrantly inside it.
 * - Payloads are opaque bytes; the transport never inspects them. A payload larger than `maxPayloadBytes`
 *   is refused with an error, not truncated.
 * - After `close()` nothing is delivered and every send rejects or is dropped.
 */
export interface Transport {
  /** This node's id on the transport. */
  readonly localId: PeerId;
  /** Largest payload accepted by the send methods. */
  readonly maxPayloadBytes: number;
  /** Registers the single receiver of incoming messages. */
  onMessage(handler: MessageHandler): void;
  /** Datagram semantics: may be lost, never throws for an unreachable peer. */
  sendBestEffort(to: PeerId, channel: Channel, payload: Uint8Array): void;
  /** Ordered, at-most-once per (peer, channel); rejects when the peer cannot be reached. */
  sendReliable(to: PeerId, channel: Channel, payload: Uint8Array): Promise<void>;
  /** Stops delivery and releases resources. */
  close(): Promise<void>;
}
