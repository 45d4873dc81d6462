import { LbError } from '../src/index.js';

/** Runs `fn` and returns the code of the LbError it throws (undefined when it throws nothing). */
export function isLbError(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof LbError) return err.code;
    throw err;
  }
  return undefined;
}
