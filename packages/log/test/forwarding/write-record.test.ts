import { describe, it, expect } from 'vitest';
import { createLogger } from '../../src/index.js';
import { forwardingLogger, writeRecord, type LogRecord } from '../../src/forwarding/index.js';
import { jsonLines, stringSink } from '../string-sink.js';

describe('writeRecord', () => {
  it('replays a forwarded line with the same fields as logging on the main thread', () => {
    const direct = stringSink();
    const replayed = stringSink();
    const err = Object.assign(new Error('refused'), { code: 'E_REFUSED' });
    createLogger({ format: 'json', destination: direct })
      .child({ node: 'node-2' })
      .child({ component: 'agent' })
      .warn({ err, leader: 'node-1' }, 'join failed');

    const main = createLogger({ format: 'json', destination: replayed });
    const records: LogRecord[] = [];
    forwardingLogger((r) => records.push(structuredClone(r)), 'info', { node: 'node-2' })
      .child({ component: 'agent' })
      .warn({ err, leader: 'node-1' }, 'join failed');
    for (const record of records) writeRecord(main, record);

    const [want] = jsonLines(direct.lines);
    const [got] = jsonLines(replayed.lines);
    expect({ ...got, time: 0 }).toEqual({ ...want, time: 0 });
    expect(got!['time']).toBe(records[0]!.time);
  });

  it('replays a message-only record and one without bindings', () => {
    const sink = stringSink();
    const main = createLogger({ format: 'json', destination: sink, level: 'debug' });
    writeRecord(main, { level: 'debug', bindings: {}, msg: 'hello', time: 1_000 });
    writeRecord(main, { level: 'error', bindings: { node: 'n' }, obj: { a: 1 }, time: 2_000 });
    expect(jsonLines(sink.lines)).toEqual([
      { level: 20, time: 1_000, msg: 'hello' },
      { level: 50, time: 2_000, node: 'n', a: 1 }
    ]);
  });

  it('lets the main logger filter by its own level and restores its own clock afterwards', () => {
    const sink = stringSink();
    const main = createLogger({ format: 'json', destination: sink, level: 'warn' });
    writeRecord(main, { level: 'info', bindings: {}, msg: 'below main level', time: 5 });
    const before = Date.now();
    main.warn('live');
    const lines = jsonLines(sink.lines);
    expect(lines.map((l) => l['msg'])).toEqual(['live']);
    expect(lines[0]!['time']).toBeGreaterThanOrEqual(before);
  });

  it('works with any Logger, calling child(bindings) then the level method', () => {
    const calls: unknown[][] = [];
    const fake = {
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (...args: unknown[]) => void calls.push(args),
      child: (b: Record<string, unknown>) => (calls.push(['child', b]), fake)
    };
    writeRecord(fake, { level: 'error', bindings: { node: 'n' }, obj: { a: 1 }, msg: 'm', time: 1 });
    expect(calls).toEqual([
      ['child', { node: 'n' }],
      [{ a: 1 }, 'm']
    ]);
  });
});
