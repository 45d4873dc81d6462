import type { Logger } from '@swarmsim/interface';
import { pino, stdSerializers } from 'pino';
import { currentReplayTime } from './forwarding/replay-time.js';
import type { LogLevel } from './levels.js';
import { prettySink, type LogDestination } from './pretty-sink.js';

/** `json`: one pino JSON object per line; `pretty`: pino-pretty; `auto`: pretty on a terminal, else JSON. */
export type LogFormat = 'json' | 'pretty' | 'auto';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Lowest level written (`--log-level`). @default 'info' */
  level?: LogLevel;
  /** Output format. @default 'auto' (pretty when the destination is a TTY) */
  format?: LogFormat;
  /** Where lines go; pino writes each line synchronously with one `write`. @default process.stdout */
  destination?: LogDestination;
  /** ANSI colours in pretty output. @default true on a colour-capable stdout, false for other destinations */
  colorize?: boolean;
}

/** The root logger of a process: the core's Logger plus pino's runtime level and flush. */
export interface RuntimeLogger extends Logger {
  /** The current level; assigning it re-levels this logger (children keep the level they were created with). */
  level: LogLevel;
  /** Writes out anything the destination buffers (pino's default stdout destination does not buffer). */
  flush(): void;
}

// pino serializes only Error instances; a plain { type, message, stack } replayed from a worker passes as is.
const errSerializer = (value: unknown): unknown => (value instanceof Error ? stdSerializers.err(value) : value);

// pino's epoch time, except for a line writeRecord replays: that keeps the worker's time.
const timestamp = (): string => `,"time":${currentReplayTime() ?? Date.now()}`;

/** A pino logger (same thread, no transport workers) behind the core's Logger type. */
export function createLogger(options: CreateLoggerOptions = {}): RuntimeLogger {
  const { destination } = options;
  const pretty = resolveFormat(options.format ?? 'auto', destination) === 'pretty';
  const stream = pretty
    ? prettySink(destination ?? process.stdout, options.colorize ?? destination === undefined)
    : destination;
  const root = pino(
    {
      level: options.level ?? 'info',
      // pid and hostname are the same on every line of a simulation; the `node` binding says which node.
      base: null,
      timestamp,
      serializers: { err: errSerializer, error: errSerializer }
    },
    stream ?? pino.destination({ dest: 1, sync: true })
  );
  // pino types `level` as any string; we only ever set LogLevel names, and pino has no custom levels here.
  return root as RuntimeLogger;
}

function resolveFormat(format: LogFormat, destination: LogDestination | undefined): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  const target = (destination ?? process.stdout) as { isTTY?: boolean };
  return target.isTTY === true ? 'pretty' : 'json';
}
