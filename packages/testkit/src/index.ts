/**
 * @packageDocumentation
 * Test doubles that swarmsim's own tests use and that users can use in theirs: a virtual `ManualClock`
 * and `waitFor` for real-time tests.
 *
 * @example
 * ```ts
 * import { ManualClock } from '@swarmsim/testkit';
 * const clock = new ManualClock();
 * clock.setTimeout(() => console.log('fired at', clock.now()), 1000);
 * clock.tick(1000); // fired at 1000
 * ```
 */
export { ManualClock } from './manual-clock.js';
export { waitFor, WaitForTimeoutError, type WaitForOptions } from './wait-for.js';
