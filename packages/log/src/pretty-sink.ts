import prettyModule from 'pino-pretty';

/** Anything pino can write lines to: a stream, or `{ write }` collecting into a string in tests. */
export interface LogDestination {
  /** Receives one complete line per call. */
  write(line: string): unknown;
}

// `[node-1] gossip: peer rejected {peer…}`: the bindings that say who logged lead the message.
const MESSAGE_FORMAT = '{if node}[{node}] {end}{if component}{component}: {end}{msg}';

/**
 * A destination that turns pino's JSON lines into pino-pretty text in the calling thread. pino-pretty's
 * stream (or pino's `transport`) would add a stream pipeline or a worker thread per logger.
 */
export function prettySink(destination: LogDestination, colorize: boolean): LogDestination {
  const format = prettyModule.prettyFactory({
    colorize: colorize && prettyModule.isColorSupported,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,node,component',
    messageFormat: MESSAGE_FORMAT
  });
  return {
    write(line: string): void {
      // prettyFactory returns undefined for lines it filters out (it has no minimumLevel here, but be safe).
      const text: string | undefined = format(line);
      if (text !== undefined) destination.write(text);
    }
  };
}
