import type { LogFn, Logger } from '@swarmsim/interface';
import { isLevelEnabled, type LogLevel, type LogMethodLevel } from '../levels.js';
import { plainError, toCloneable } from './cloneable.js';
import type { LogRecord } from './log-record.js';

const noop: LogFn = () => {};

/**
 * A pino-free Logger for worker threads: enabled calls become {@link LogRecord}s handed to `post`
 * (typically `parentPort.postMessage`); disabled levels are no-ops that build nothing.
 */
export function forwardingLogger(
  post: (record: LogRecord) => void,
  level: LogLevel,
  bindings: Record<string, unknown> = {}
): Logger {
  const method = (at: LogMethodLevel): LogFn => (isLevelEnabled(level, at) ? emitter(post, at, bindings) : noop);
  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    child: (more) => forwardingLogger(post, level, { ...bindings, ...toCloneable(more) })
  };
}

function emitter(post: (record: LogRecord) => void, level: LogMethodLevel, bindings: Record<string, unknown>): LogFn {
  return (objOrMsg: Record<string, unknown> | string, msg?: string): void => {
    const time = Date.now();
    if (typeof objOrMsg === 'string') {
      post({ level, bindings, msg: objOrMsg, time });
      return;
    }
    // pino logs a bare Error as { err } with its message as msg; do the same before it crosses threads.
    if (objOrMsg instanceof Error) {
      post({ level, bindings, obj: { err: plainError(objOrMsg) }, msg: msg ?? objOrMsg.message, time });
      return;
    }
    const record: LogRecord = { level, bindings, obj: toCloneable(objOrMsg), time };
    // pino takes an `err`'s own message (without its causes) as msg when none is given.
    const err = objOrMsg['err'];
    const text = msg ?? (objOrMsg['msg'] === undefined && err instanceof Error ? err.message : undefined);
    if (text !== undefined) record.msg = text;
    post(record);
  };
}
