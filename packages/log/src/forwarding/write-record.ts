import type { Logger } from '@swarmsim/interface';
import type { LogRecord } from './log-record.js';
import { withReplayTime } from './replay-time.js';

/**
 * Writes a worker's {@link LogRecord} through a main-thread logger, as `child(bindings)[level](obj, msg)`.
 * A logger from `createLogger` stamps the line with the record's own `time`.
 */
export function writeRecord(logger: Logger, record: LogRecord): void {
  const target = hasKeys(record.bindings) ? logger.child(record.bindings) : logger;
  const { level, obj, msg } = record;
  withReplayTime(record.time, () => {
    if (obj !== undefined) target[level](obj, msg);
    else target[level](msg ?? '');
  });
}

function hasKeys(record: Record<string, unknown>): boolean {
  for (const _ in record) return true;
  return false;
}
