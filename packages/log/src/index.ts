/**
 * @packageDocumentation
 * Logging for swarmsim's runtime: a pino root logger (JSON lines by default, pino-pretty on a terminal, both in
 * the calling thread), `--log-level` parsing, and — under `@swarmsim/log/forwarding`, with no pino import — a
 * Logger for node workers that posts plain records to the main thread, where `writeRecord` replays them.
 * The core never sees pino: it takes the `Logger` of `@swarmsim/interface` and calls `child({ component })`.
 *
 * @example
 * ```ts
 * import { createLogger, parseLogLevel, forwardingLogger, writeRecord, type LogRecord } from '@swarmsim/log';
 * const root = createLogger({ level: parseLogLevel('debug'), format: 'json' });
 * root.child({ node: 'node-1' }).child({ component: 'gossip' }).info({ peer: 'node-2' }, 'peer alive');
 * // {"level":30,"time":1764030000000,"node":"node-1","component":"gossip","peer":"node-2","msg":"peer alive"}
 *
 * // In a worker (import from '@swarmsim/log/forwarding' there, so pino stays out of the bundle):
 * const records: LogRecord[] = []; // stands in for parentPort.postMessage → worker.on('message')
 * const log = forwardingLogger((r) => records.push(r), 'info', { node: 'node-2' });
 * log.warn({ err: new Error('refused') }, 'join failed');
 * for (const r of records) writeRecord(root, r); // same fields as if node-2 had logged on root directly
 * ```
 */
export { createLogger, type CreateLoggerOptions, type LogFormat, type RuntimeLogger } from './create-logger.js';
export type { LogDestination } from './pretty-sink.js';
export { parseLogLevel, isLevelEnabled, LOG_LEVELS, type LogLevel, type LogMethodLevel } from './levels.js';
export { LogError, type LogErrorType } from './errors.js';
export {
  forwardingLogger,
  writeRecord,
  toCloneable,
  plainError,
  type LogRecord,
  type PlainError
} from './forwarding/index.js';
