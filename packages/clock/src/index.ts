/**
 * @packageDocumentation
 * The two {@link Clock}s of swarmsim. `realClock` is the host's time and timers (the worker runtime). `ManualClock`
 * is virtual time (the in-process runtime and deterministic tests): nothing happens until `tick()`, then every due
 * timer fires in (due time, creation order). It starts at a fixed, realistic instant ({@link DEFAULT_VIRTUAL_EPOCH_MS},
 * configurable), and says so through the `virtual` capability that `isVirtualClock` checks.
 *
 * @example
 * ```ts
 * import { isVirtualClock } from '@swarmsim/interface';
 * import { ManualClock } from '@swarmsim/clock';
 * const clock = new ManualClock({ epochMs: Date.UTC(2026, 5, 1) });
 * clock.setTimeout(() => console.log(new Date(clock.now()).toISOString()), 1500);
 * clock.tick(2000); // 2026-06-01T00:00:01.500Z
 * console.log(isVirtualClock(clock)); // true
 * ```
 */
export { DEFAULT_VIRTUAL_EPOCH_MS, ManualClock, type ManualClockOptions } from './manual-clock.js';
export { realClock } from './real-clock.js';
