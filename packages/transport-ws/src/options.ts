import type { PeerId } from '@swarmsim/interface';
import { WsTransportError } from './errors.js';
import { FRAME_OVERHEAD_BYTES, MESSAGE_OVERHEAD_BYTES } from './frame.js';

/** Options of {@link createWsTransport}: plain data, each limit with its default and the reason for it. */
export interface WsTransportInit {
  /** This node's id; sent to peers in the upgrade request. */
  localId: PeerId;
  /** Join token: a peer whose upgrade request carries another token is refused with HTTP 401. */
  token: string;
  /** Address to bind. @default '127.0.0.1' (loopback: the simulation never listens on other interfaces) */
  host?: string;
  /** Port to bind; 0 picks a free one (read it back from `port`). @default 0 */
  port?: number;
  /** Address book: where each peer's server listens, e.g. `{ 'node-2': 'ws://127.0.0.1:40123' }`. @default {} */
  peers?: Record<PeerId, string>;
  /** Largest payload accepted by the send methods. @default 1048576 (1 MiB: a bulk table sync fits) */
  maxPayloadBytes?: number;
  /** Largest frame accepted; bigger ones are dropped and counted, the connection survives. Senders split batches to stay under it. @default 4194304, or just above maxPayloadBytes when that is larger (a max payload plus batching headroom) */
  maxFrameBytes?: number;
  /** Hard ceiling of ws itself: a frame above it closes the connection (1009). @default 67108864 (64 MiB bounds the memory a rogue peer can pin) */
  socketMaxPayloadBytes?: number;
  /** Messages held per peer while its connection opens; the excess is dropped (best-effort) or rejected. @default 4096 (a few gossip rounds) */
  maxQueuedMessages?: number;
  /** Give up an opening connection after this long. @default 5000 (memberlist's TCP timeout on a LAN is 10 s; loopback needs far less) */
  connectTimeoutMs?: number;
  /** Reject reliable messages not acknowledged within this time and drop the connection. @default 10000 (well above a 1 MiB frame's loopback RTT) */
  ackTimeoutMs?: number;
  /** First reconnect delay after a failure; doubles per consecutive failure. @default 100 */
  reconnectMinMs?: number;
  /** Largest reconnect delay. @default 5000 (Swarm's heartbeat period: a returning peer is found within one) */
  reconnectMaxMs?: number;
  /** Consecutive failed reconnects before going idle until the next send. @default 8 (≈ 12 s of retrying with the defaults) */
  maxReconnectAttempts?: number;
  /** Seed of the reconnect jitter. @default 1 */
  seed?: number;
}

/** {@link WsTransportInit} with every default applied. */
export type ResolvedWsInit = Required<WsTransportInit>;

/** Applies the defaults and checks the ranges. */
export function resolveInit(init: WsTransportInit): ResolvedWsInit {
  const maxPayloadBytes = init.maxPayloadBytes ?? 1024 * 1024;
  const resolved: ResolvedWsInit = {
    host: '127.0.0.1',
    port: 0,
    peers: {},
    maxPayloadBytes,
    maxFrameBytes: Math.max(4 * 1024 * 1024, maxPayloadBytes + FRAME_OVERHEAD_BYTES + MESSAGE_OVERHEAD_BYTES),
    socketMaxPayloadBytes: 64 * 1024 * 1024,
    maxQueuedMessages: 4096,
    connectTimeoutMs: 5000,
    ackTimeoutMs: 10_000,
    reconnectMinMs: 100,
    reconnectMaxMs: 5000,
    maxReconnectAttempts: 8,
    seed: 1,
    ...withoutUndefined(init),
    localId: init.localId,
    token: init.token
  };
  // A single payload must always fit in one frame, or a legal send could never be delivered.
  const minFrame = resolved.maxPayloadBytes + FRAME_OVERHEAD_BYTES + MESSAGE_OVERHEAD_BYTES;
  check('maxFrameBytes', resolved.maxFrameBytes, resolved.maxFrameBytes >= minFrame);
  check(
    'socketMaxPayloadBytes',
    resolved.socketMaxPayloadBytes,
    resolved.socketMaxPayloadBytes >= resolved.maxFrameBytes
  );
  check('maxPayloadBytes', resolved.maxPayloadBytes, resolved.maxPayloadBytes > 0);
  check('reconnectMaxMs', resolved.reconnectMaxMs, resolved.reconnectMaxMs >= resolved.reconnectMinMs);
  return resolved;
}

function check(option: string, value: number, ok: boolean): void {
  if (!ok) throw new WsTransportError({ code: 'WS_ERR_BAD_OPTIONS', option, value }, `invalid ${option}: ${value}`);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
