import { describe, it, expect } from 'vitest';
import { createLogger } from '../src/index.js';
import { jsonLines, stringSink } from './string-sink.js';

describe('createLogger — JSON', () => {
  it('writes pino JSON lines with level, time, msg and the child bindings', () => {
    const sink = stringSink();
    const root = createLogger({ format: 'json', destination: sink });
    const before = Date.now();
    root.child({ node: 'node-1' }).child({ component: 'gossip' }).info({ peer: 'node-2' }, 'peer alive');
    root.warn('plain message');
    expect(sink.lines).toHaveLength(2);
    const [first, second] = jsonLines(sink.lines);
    expect(first).toMatchObject({ level: 30, node: 'node-1', component: 'gossip', peer: 'node-2', msg: 'peer alive' });
    expect(first!['time']).toBeGreaterThanOrEqual(before);
    expect(first).not.toHaveProperty('pid');
    expect(second).toMatchObject({ level: 40, msg: 'plain message' });
    expect(second).not.toHaveProperty('node');
  });

  it('defaults to level info and writes nothing for a disabled level', () => {
    const sink = stringSink();
    const root = createLogger({ format: 'json', destination: sink });
    expect(root.level).toBe('info');
    root.debug({ big: 'x'.repeat(100) }, 'hidden');
    root.child({ component: 'tcp' }).debug('hidden too');
    expect(sink.lines).toEqual([]);
  });

  it('follows the level it is given and a later level change', () => {
    const sink = stringSink();
    const root = createLogger({ format: 'json', destination: sink, level: 'error' });
    root.warn('dropped');
    root.error('kept');
    root.level = 'debug';
    root.debug('now kept');
    expect(jsonLines(sink.lines).map((l) => l['msg'])).toEqual(['kept', 'now kept']);
  });

  it('silent writes nothing at all', () => {
    const sink = stringSink();
    const root = createLogger({ format: 'json', destination: sink, level: 'silent' });
    root.error('nothing');
    expect(sink.lines).toEqual([]);
  });

  it('serializes an err with its type, message, stack and code', () => {
    const sink = stringSink();
    const err = Object.assign(new RangeError('bad port'), { code: 'E_PORT' });
    createLogger({ format: 'json', destination: sink }).error({ err }, 'listen failed');
    const [line] = jsonLines(sink.lines);
    expect(line!['err']).toMatchObject({ type: 'RangeError', message: 'bad port', code: 'E_PORT', stack: err.stack });
  });

  it('auto picks JSON for a destination that is not a TTY and pretty for one that is', () => {
    const plain = stringSink();
    createLogger({ destination: plain }).info('x');
    expect(() => JSON.parse(plain.text()) as unknown).not.toThrow();
    const tty = Object.assign(stringSink(), { isTTY: true });
    createLogger({ destination: tty }).info('x');
    expect(() => JSON.parse(tty.text()) as unknown).toThrow();
  });
});

describe('createLogger — pretty', () => {
  it('writes human-readable text with the message and who logged it, not JSON', () => {
    const sink = stringSink();
    const root = createLogger({ format: 'pretty', destination: sink });
    root.child({ node: 'node-3' }).child({ component: 'dns' }).warn({ qname: 'web' }, 'no upstream answered');
    expect(sink.lines).toHaveLength(1);
    const text = sink.text();
    expect(text).toContain('no upstream answered');
    expect(text).toContain('WARN');
    expect(text).toContain('[node-3] dns:');
    expect(text).toContain('"web"');
    expect(text).not.toContain('\u001b['); // a non-stdout destination gets no colours by default
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('drops disabled levels before formatting', () => {
    const sink = stringSink();
    createLogger({ format: 'pretty', destination: sink, level: 'warn' }).info('hidden');
    expect(sink.lines).toEqual([]);
  });
});
