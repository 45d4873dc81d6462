import type { LogMethodLevel } from '../levels.js';

/** One log line as a worker posts it to the main thread: plain data, safe for `postMessage`. */
export interface LogRecord {
  /** The method that was called. */
  level: LogMethodLevel;
  /** The child bindings of the logger that wrote it (`{ node, component }`). */
  bindings: Record<string, unknown>;
  /** The merging object of `(obj, msg)`, with Error values made plain. */
  obj?: Record<string, unknown>;
  /** The message. */
  msg?: string;
  /** Wall-clock time of the call in the worker, ms since the epoch (pino's `time`). */
  time: number;
}

/** An Error flattened for structured clone: pino's `err` serializer fields. */
export interface PlainError {
  type: string;
  message: string;
  code?: string | number;
  stack: string;
}
