/**
 * @packageDocumentation
 * Helpers for tests of swarmsim and of its users: `waitFor` polls a condition against a real-time deadline and
 * `tickUntil` ticks a virtual clock until a condition holds; both fail saying what they waited for. `@swarmsim/testkit/transport-suite` holds `transportSuite`, the compliance
 * tests every Transport must pass (a separate entry, so runtime code never loads vitest). The clocks live in
 * `@swarmsim/clock` and the in-memory network in `@swarmsim/transport-memory`: they are product, not test doubles.
 *
 * @example
 * ```ts
 * import { waitFor } from '@swarmsim/testkit';
 * let ready = false;
 * setTimeout(() => (ready = true), 20);
 * await waitFor(() => ready, { timeoutMs: 1000, what: 'ready flag' });
 * ```
 */
export { waitFor, WaitForTimeoutError, type WaitForOptions } from './wait-for.js';
export { tickUntil, type TickableClock, type TickUntilOptions } from './tick-until.js';
