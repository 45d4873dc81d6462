import { GossipError } from './errors.js';

/** Every timer and limit of the gossip layer, all in milliseconds or counts. */
export interface GossipConfig {
  /** Gossip tick: membership and per-network table broadcasts. @default 200 (lan) */
  gossipIntervalMs: number;
  /** Random peers sent each tick's broadcasts (memberlist GossipNodes, NetworkDB fanout). @default 3 */
  fanout: number;
  /** SWIM probe period: one member probed per period. @default 1000 (lan) */
  probeIntervalMs: number;
  /** Wait for a direct ack before asking others to probe indirectly. @default 500 (lan) */
  probeTimeoutMs: number;
  /** Peers asked for an indirect probe (memberlist IndirectChecks). @default 3 */
  indirectChecks: number;
  /** Membership push-pull with one random member. @default 30000 (lan) */
  pushPullIntervalMs: number;
  /** Table anti-entropy: bulk sync of each network with one random peer. @default 30000 (lan) */
  bulkSyncIntervalMs: number;
  /** Suspicion timeout multiplier: min timeout = mult·max(1, log10 n)·probeInterval. @default 4 */
  suspicionMult: number;
  /** Upper suspicion bound as a multiple of the minimum (memberlist SuspicionMaxTimeoutMult). @default 6 */
  suspicionMaxTimeoutMult: number;
  /** Broadcast retransmits = mult·ceil(log10(n+1)). @default 4 */
  retransmitMult: number;
  /** Keep gossiping to a dead node this long so it can learn of its death and refute. @default 30000 (lan) */
  gossipToTheDeadMs: number;
  /** Try to reconnect to one random failed node this often (NetworkDB reconnectNode). @default 1000 (lan) */
  reconnectIntervalMs: number;
  /** A deleted entry's tombstone lives this long (NetworkDB reapEntryInterval). @default 1800000 (lan) */
  tombstoneMs: number;
  /** Reap cycle removing expired tombstones (NetworkDB reapPeriod). @default 5000 (lan) */
  reapIntervalMs: number;
  /** A dead or left member is forgotten this long after its last state change (NetworkDB nodeReapInterval). @default 86400000 (lan) */
  nodeReapMs: number;
  /** Largest datagram frame sent or accepted (NetworkDB packet budget). @default 1400 */
  maxFrameBytes: number;
  /** Largest reliable (push-pull, bulk sync) frame sent or accepted. @default 4194304 */
  maxStreamBytes: number;
}

/** Names of the built-in presets. */
export type GossipPreset = 'lan' | 'local';

const lan: GossipConfig = {
  gossipIntervalMs: 200, // memberlist DefaultLANConfig GossipInterval, NetworkDB table tick
  fanout: 3, // memberlist GossipNodes; NetworkDB gossips each network to 3 random peers
  probeIntervalMs: 1000, // memberlist ProbeInterval
  probeTimeoutMs: 500, // memberlist ProbeTimeout: a LAN RTT is far below this
  indirectChecks: 3, // memberlist IndirectChecks
  pushPullIntervalMs: 30_000, // memberlist PushPullInterval
  bulkSyncIntervalMs: 30_000, // NetworkDB bulkSyncTables runs on PushPullInterval
  suspicionMult: 4, // memberlist SuspicionMult: 4 s to dead for n ≤ 10
  suspicionMaxTimeoutMult: 6, // memberlist SuspicionMaxTimeoutMult: 24 s without confirmations
  retransmitMult: 4, // memberlist RetransmitMult: retransmit to 4·log(N+1) nodes
  gossipToTheDeadMs: 30_000, // memberlist GossipToTheDeadTime
  reconnectIntervalMs: 1000, // NetworkDB reconnectNode: one failed node per second
  tombstoneMs: 30 * 60_000, // NetworkDB reapEntryInterval: 30 min outlives any partition worth healing
  reapIntervalMs: 5000, // NetworkDB reapPeriod
  nodeReapMs: 24 * 3_600_000, // NetworkDB nodeReapInterval: a failed node may come back within a day
  maxFrameBytes: 1400, // NetworkDB PacketBufferSize: fits a 1500-byte MTU with headers
  maxStreamBytes: 4 * 1024 * 1024 // bulk syncs of large tables; bounded so a peer cannot exhaust memory
};

// Same ratios as lan, 5–10× faster, so tests and demos converge in little virtual time and few events.
const local: GossipConfig = {
  ...lan,
  gossipIntervalMs: 50, // 4× faster than lan, still above MemoryNetwork's default latency
  probeIntervalMs: 500, // 2× faster than lan: on a loaded 2-core machine with dozens of node threads a 200 ms
  // period (100 ms ack timeout) turned scheduling delays into thousands of false suspicions during a 50-node boot
  probeTimeoutMs: 250, // half the probe interval, as lan
  pushPullIntervalMs: 3000, // anti-entropy every few seconds keeps partition-heal tests short
  bulkSyncIntervalMs: 3000, // as pushPullIntervalMs
  gossipToTheDeadMs: 3000, // scaled with pushPullIntervalMs
  reconnectIntervalMs: 1000, // as lan: each attempt is a full push-pull, too costly to scale down
  tombstoneMs: 10_000, // long enough to outlive a test partition's propagation
  reapIntervalMs: 1000, // tombstones reaped within a second of expiry
  nodeReapMs: 10 * 60_000 // far beyond any test partition, so reconnect can still heal it
};

/** The settings of a preset: `lan` = memberlist DefaultLANConfig + NetworkDB, `local` = fast, for tests and demos. */
export function defaultConfig(preset: GossipPreset = 'lan'): GossipConfig {
  return { ...(preset === 'lan' ? lan : local) };
}

/** Throws GOSSIP_ERR_INVALID_CONFIG for the first out-of-range option. */
export function validateConfig(config: GossipConfig): GossipConfig {
  for (const [option, value] of Object.entries(config)) {
    const min = option === 'suspicionMaxTimeoutMult' ? 1 : option === 'indirectChecks' ? 0 : 1;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new GossipError({ code: 'GOSSIP_ERR_INVALID_CONFIG', option, value }, `gossip: invalid ${option}`);
    }
  }
  if (config.probeTimeoutMs > config.probeIntervalMs) {
    const value = config.probeTimeoutMs;
    throw new GossipError(
      { code: 'GOSSIP_ERR_INVALID_CONFIG', option: 'probeTimeoutMs', value },
      'gossip: probe timeout > interval'
    );
  }
  return config;
}

/** memberlist retransmitLimit: mult·ceil(log10(n+1)) transmissions of one broadcast. */
export function retransmitLimit(mult: number, n: number): number {
  return mult * Math.ceil(Math.log10(n + 1));
}

// memberlist pushPullScaleThreshold: above this many nodes the push-pull interval grows.
const PUSH_PULL_SCALE_THRESHOLD = 32;

/**
 * memberlist pushPullScale: the push-pull interval for n live nodes, ×(ceil(log2 n − log2 32) + 1) above 32 nodes,
 * so anti-entropy traffic stays about flat as the cluster grows (64 nodes: ×2, 100: ×3, 200: ×4).
 */
export function pushPullScale(intervalMs: number, n: number): number {
  if (n <= PUSH_PULL_SCALE_THRESHOLD) return intervalMs;
  const multiplier = Math.ceil(Math.log2(n) - Math.log2(PUSH_PULL_SCALE_THRESHOLD)) + 1;
  return multiplier * intervalMs;
}

/** memberlist suspicionTimeout: mult·max(1, log10 n)·interval, in ms. */
export function suspicionTimeout(mult: number, n: number, intervalMs: number): number {
  const nodeScale = Math.max(1, Math.log10(Math.max(1, n)));
  return Math.round(mult * nodeScale * intervalMs);
}
