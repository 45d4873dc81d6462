/**
 * The pino-free half of @swarmsim/log, for node workers (bundled, RSS-bound): {@link forwardingLogger} posts
 * {@link LogRecord}s to the main thread, where {@link writeRecord} replays them through the real logger.
 * Nothing under this folder may import pino.
 */
export { forwardingLogger } from './forwarding-logger.js';
export { writeRecord } from './write-record.js';
export { toCloneable, plainError } from './cloneable.js';
export type { LogRecord, PlainError } from './log-record.js';
export { parseLogLevel, isLevelEnabled, LOG_LEVELS, type LogLevel, type LogMethodLevel } from '../levels.js';
export { LogError, type LogErrorType } from '../errors.js';
