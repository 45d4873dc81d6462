import type { PlainError } from './log-record.js';

// Deep enough for any log object we write; structuredClone itself copes with deeper (and cyclic) data.
const MAX_DEPTH = 6;
// pino caps cause chains too; a few levels say enough in a log line.
const MAX_CAUSES = 5;

/**
 * Makes a log object safe for `structuredClone`: Errors become {@link PlainError} (which also keeps `code`,
 * lost by cloning an Error), functions and symbols become strings. Copies only what it changes.
 */
export function toCloneable(obj: Record<string, unknown>): Record<string, unknown> {
  return cloneValue(obj, 0) as Record<string, unknown>;
}

/** An Error as pino's `err` serializer prints it: constructor name, message and stack with their causes. */
export function plainError(err: Error): PlainError {
  const out: PlainError = { type: errorType(err), message: err.message, stack: err.stack ?? '' };
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  let cause = err.cause;
  for (let i = 0; i < MAX_CAUSES && cause instanceof Error; i++, cause = cause.cause) {
    out.message += `: ${cause.message}`;
    out.stack += `\ncaused by: ${cause.stack ?? ''}`;
  }
  return out;
}

function errorType(err: Error): string {
  const ctor = (err as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : err.name;
}

function cloneValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) return plainError(value);
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return cloneArray(value, depth);
  const proto: unknown = Object.getPrototypeOf(value);
  // Only plain objects are walked: Maps, Dates, typed arrays … clone as they are.
  if (proto !== Object.prototype && proto !== null) return value;
  return cloneRecord(value as Record<string, unknown>, depth);
}

function cloneRecord(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const before = record[key];
    const after = cloneValue(before, depth + 1);
    if (after === before) continue;
    copy ??= { ...record };
    copy[key] = after;
  }
  return copy ?? record;
}

function cloneArray(items: readonly unknown[], depth: number): unknown[] {
  let copy: unknown[] | undefined;
  items.forEach((before, i) => {
    const after = cloneValue(before, depth + 1);
    if (after === before) return;
    copy ??= [...items];
    copy[i] = after;
  });
  return copy ?? (items as unknown[]);
}
