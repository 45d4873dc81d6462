import { describe, it, expect } from 'vitest';
import { LogError } from '../../src/errors.js';
import { forwardingLogger, type LogRecord } from '../../src/forwarding/index.js';

function recorder(): { post: (r: LogRecord) => void; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { post: (r) => void records.push(r), records };
}

describe('forwardingLogger', () => {
  it('posts enabled calls as plain records', () => {
    const { post, records } = recorder();
    const before = Date.now();
    const log = forwardingLogger(post, 'info', { node: 'node-1' });
    log.info({ peer: 'node-2' }, 'peer alive');
    log.warn('plain');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      level: 'info',
      bindings: { node: 'node-1' },
      obj: { peer: 'node-2' },
      msg: 'peer alive'
    });
    expect(records[0]!.time).toBeGreaterThanOrEqual(before);
    expect(records[1]).toMatchObject({ level: 'warn', msg: 'plain' });
    expect(records[1]).not.toHaveProperty('obj');
  });

  it('drops disabled levels without touching the arguments', () => {
    const { post, records } = recorder();
    const log = forwardingLogger(post, 'warn');
    // A getter proves the object is never read: building a record would call it.
    const obj = {
      get expensive(): never {
        throw new Error('read a disabled log object');
      }
    };
    log.debug(obj, 'x');
    log.info(obj, 'x');
    expect(records).toEqual([]);
    forwardingLogger(post, 'silent').error('x');
    forwardingLogger(post, 'fatal').error('x');
    expect(records).toEqual([]);
    forwardingLogger(post, 'trace').debug('kept');
    expect(records.map((r) => r.msg)).toEqual(['kept']);
  });

  it('child() merges bindings, the child winning, without changing the parent', () => {
    const { post, records } = recorder();
    const root = forwardingLogger(post, 'debug', { node: 'node-1', component: 'node' });
    root.child({ component: 'gossip' }).child({ peer: 'node-2' }).debug('x');
    root.debug('y');
    expect(records[0]!.bindings).toEqual({ node: 'node-1', component: 'gossip', peer: 'node-2' });
    expect(records[1]!.bindings).toEqual({ node: 'node-1', component: 'node' });
  });

  it('turns Error values into plain objects that survive structuredClone', () => {
    const { post, records } = recorder();
    const err = new LogError({ code: 'LOG_ERR_INVALID_LEVEL', value: 'loud', allowed: [] }, 'invalid', {
      cause: new Error('inner')
    });
    forwardingLogger(post, 'info').error({ err, nested: { list: [new TypeError('t')] }, fn: recorder }, 'failed');
    const cloned = structuredClone(records[0]!);
    expect(cloned.obj!['err']).toEqual({
      type: 'LogError',
      message: 'invalid: inner',
      code: 'LOG_ERR_INVALID_LEVEL',
      stack: `${err.stack}\ncaused by: ${(err.cause as Error).stack}`
    });
    expect(cloned.obj!['nested']).toEqual({
      list: [{ type: 'TypeError', message: 't', stack: expect.any(String) as string }]
    });
    expect(cloned.obj!['fn']).toBe('[Function recorder]');
  });

  it('takes an err message as msg when none is given, as pino does', () => {
    const { post, records } = recorder();
    const log = forwardingLogger(post, 'info');
    log.error({ err: new Error('refused', { cause: new Error('timeout') }) });
    expect(records[0]!.msg).toBe('refused');
  });

  it('leaves an object with nothing to convert as it is', () => {
    const { post, records } = recorder();
    const obj = { a: 1, b: [1, 2], c: { d: 'e' }, when: new Date(0) };
    forwardingLogger(post, 'info').info(obj, 'x');
    expect(records[0]!.obj).toBe(obj);
  });
});
