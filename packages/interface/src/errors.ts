/**
 * Base class of every error swarmsim throws. `T` carries the stable `code` plus any metadata
 * (subnet, file, line …) so callers branch on data, never on message text.
 */
export class SwarmsimError<T extends { code: string } = { code: string }> extends Error {
  /** Stable, documented code (see docs/errors.md). */
  readonly code: T['code'];
  /** The code plus structured metadata about what went wrong. */
  readonly type: T;

  constructor(type: T, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.type = type;
    this.code = type.code;
  }
}

/** True when `err` is a SwarmsimError, optionally with the given code. */
export function isSwarmsimError(err: unknown, code?: string): err is SwarmsimError {
  return err instanceof SwarmsimError && (code === undefined || err.code === code);
}
