import { invalidLevel } from './errors.js';

/** pino's level names, most to least severe; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A level a logger can be set to (pino's names). */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The levels the core's `Logger` can emit at. */
export type LogMethodLevel = 'debug' | 'info' | 'warn' | 'error';

// pino's numeric values: a line is written when its value is ≥ the logger's. silent is above everything.
const LEVEL_VALUES: Readonly<Record<LogLevel, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY
};

/** Parses a level name case-insensitively (`--log-level DEBUG`); throws `LOG_ERR_INVALID_LEVEL` otherwise. */
export function parseLogLevel(text: string): LogLevel {
  const name = text.trim().toLowerCase();
  const level = LOG_LEVELS.find((l) => l === name);
  if (level === undefined) throw invalidLevel(text, LOG_LEVELS);
  return level;
}

/** True when a logger set to `threshold` writes lines of level `level`. */
export function isLevelEnabled(threshold: LogLevel, level: LogMethodLevel): boolean {
  return LEVEL_VALUES[level] >= LEVEL_VALUES[threshold];
}
