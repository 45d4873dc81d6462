import { SwarmsimError } from '@swarmsim/interface';

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this many real milliseconds. @default 5000 */
  timeoutMs?: number;
  /** Re-check the predicate this often. @default 10 */
  intervalMs?: number;
  /** Included in the timeout error to say what was awaited. */
  what?: string;
}

/** Thrown by {@link waitFor} when the deadline passes. */
export class WaitForTimeoutError extends SwarmsimError<{
  code: 'TESTKIT_ERR_WAIT_TIMEOUT';
  what: string;
  timeoutMs: number;
}> {}

/**
 * Polls `predicate` until it returns a truthy value (which is returned) or the deadline passes — the way
 * real-time tests wait, instead of sleeping a guessed duration.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions = {}
): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const intervalMs = options.intervalMs ?? 10;
  const what = options.what ?? 'condition';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    if (Date.now() >= deadline) {
      throw new WaitForTimeoutError(
        { code: 'TESTKIT_ERR_WAIT_TIMEOUT', what, timeoutMs },
        `waitFor: ${what} not reached within ${timeoutMs} ms`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
