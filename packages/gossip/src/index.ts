/**
 * @packageDocumentation
 * SWIM membership (memberlist semantics) and NetworkDB-like replicated tables, pure over a `Transport` and a
 * `Clock`: probes with indirect checks, suspicion with incarnations, piggybacked gossip with retransmit
 * limits, per-network tables ordered by Lamport clocks, tombstones, bulk sync, and AES-256-GCM frames
 * under a rotatable keyring.
 *
 * @example
 * ```ts
 * import { gossip } from '@swarmsim/gossip';
 * import { ManualClock } from '@swarmsim/clock';
 * import { MemoryNetwork } from '@swarmsim/transport-memory';
 * const clock = new ManualClock();
 * const net = new MemoryNetwork({ clock }, { seed: 1 });
 * const keys = [new Uint8Array(32).fill(7)];
 * const [a, b] = ['a', 'b'].map((id) => gossip({ preset: 'local', keys })({ clock, transport: net.createTransport(id) }));
 * a!.start(); b!.start();
 * const joined = b!.join(['a']);
 * clock.tick(10); // virtual time carries the push-pull
 * await joined;
 * a!.joinNetwork('net1'); b!.joinNetwork('net1');
 * clock.tick(1000);
 * a!.create('endpoint_table', 'net1', 'ep1', new TextEncoder().encode('10.0.0.2'));
 * clock.tick(1000);
 * console.log(b!.get('endpoint_table', 'net1', 'ep1')?.owner); // 'a'
 * ```
 */
export { gossip, Gossip, type GossipInit, type GossipComponents } from './gossip.js';
export type { GossipEvents, MemberInfo, TableEntry } from './events.js';
export type { GossipStats } from './messenger.js';
export {
  defaultConfig,
  pushPullScale,
  retransmitLimit,
  suspicionTimeout,
  type GossipConfig,
  type GossipPreset
} from './config.js';
export {
  GossipError,
  type GossipErrorCode,
  type GossipErrorType,
  type GossipFrameErrorType,
  type GossipApiErrorType,
  type GossipReaction
} from './errors.js';
export { LamportClock } from './lamport-clock.js';
export { Keyring, MAX_KEYS } from './wire/keyring.js';
export { decodeEnvelope, encodeEnvelope } from './wire/envelope.js';
export { MsgType, type Envelope, type MemberUpdate, type NetworkEvent, type TableEvent } from './wire/messages.js';
