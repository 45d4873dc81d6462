/**
 * @packageDocumentation
 * Test doubles that swarmsim's own tests use and that users can use in theirs: a virtual `ManualClock`,
 * `waitFor` for real-time tests and `tickUntil` for virtual-time ones, an in-memory `MemoryNetwork` of Transports with seeded latency, loss,
 * partitions and crashes. `@swarmsim/testkit/transport-suite` holds `transportSuite`, the compliance tests every
 * Transport must pass (a separate entry so that runtime code importing the clock never loads vitest).
 *
 * @example
 * ```ts
 * import { ManualClock, MemoryNetwork } from '@swarmsim/testkit';
 * const clock = new ManualClock();
 * const net = new MemoryNetwork({ clock }, { seed: 42, defaults: { latencyMs: 5 } });
 * const a = net.createTransport('node-1');
 * const b = net.createTransport('node-2');
 * b.onMessage((from, channel, payload) => console.log(from, channel, payload.length));
 * a.sendBestEffort('node-2', 'gossip', new Uint8Array([1, 2, 3]));
 * clock.tick(5); // node-1 gossip 3
 * ```
 */
export { ManualClock } from './manual-clock.js';
export { realClock } from './real-clock.js';
export { waitFor, WaitForTimeoutError, type WaitForOptions } from './wait-for.js';
export { tickUntil, type TickableClock, type TickUntilOptions } from './tick-until.js';
export {
  MemoryNetwork,
  type LinkConditions,
  type MemoryNetworkOptions,
  type MemoryNetworkStats
} from './memory-network/index.js';
export { TransportError, type TransportErrorType, type UnreachableReason } from './transport-errors.js';
