// Error codes of @swarmsim/log (copied into docs/errors.md):
// LOG_ERR_INVALID_LEVEL: a log level (e.g. `--log-level`) is not one of fatal, error, warn, info, debug, trace, silent
import { SwarmsimError } from '@swarmsim/interface';

/** Payloads of {@link LogError}. */
export type LogErrorType = { code: 'LOG_ERR_INVALID_LEVEL'; value: string; allowed: readonly string[] };

/** Every error @swarmsim/log throws. */
export class LogError extends SwarmsimError<LogErrorType> {}

/** The refusal of a level name that pino does not know. */
export function invalidLevel(value: string, allowed: readonly string[]): LogError {
  return new LogError(
    { code: 'LOG_ERR_INVALID_LEVEL', value, allowed },
    `invalid log level ${JSON.stringify(value)}: expected one of ${allowed.join(', ')}`
  );
}
