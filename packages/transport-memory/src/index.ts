/**
 * @packageDocumentation
 * The in-process runtime's {@link Transport}: a `MemoryNetwork` object (never a global) on which every node gets a
 * transport, driven by an injected clock. Links have seeded latency, jitter, loss and duplication; the network can
 * partition nodes (per channel), crash them and bring them back. Same seed, same clock ticks ⇒ the same deliveries
 * in the same order. It passes the same compliance suite as `@swarmsim/transport-ws`.
 *
 * @example
 * ```ts
 * import { ManualClock } from '@swarmsim/clock';
 * import { MemoryNetwork } from '@swarmsim/transport-memory';
 * const clock = new ManualClock();
 * const net = new MemoryNetwork({ clock }, { seed: 42, defaults: { latencyMs: 5 } });
 * const a = net.createTransport('node-1');
 * const b = net.createTransport('node-2');
 * b.onMessage((from, channel, payload) => console.log(from, channel, payload.length));
 * a.sendBestEffort('node-2', 'gossip', new Uint8Array([1, 2, 3]));
 * clock.tick(5); // node-1 gossip 3
 * ```
 */
export { MemoryNetwork, type MemoryNetworkOptions, type MemoryNetworkStats } from './memory-network.js';
export type { LinkConditions } from './link-conditions.js';
export { MemoryNetworkError, type MemoryNetworkErrorType } from './errors.js';
