import { describe, expect, it } from 'vitest';
import {
  formatConstraint,
  parseConstraint,
  parseContainerPublish,
  parseDuration,
  parseServiceName,
  parseServicePort
} from '../src/index.js';

describe('parseServicePort', () => {
  it('reads [published:]target[/protocol]', () => {
    expect(parseServicePort('8080:80')).toEqual({
      ok: true,
      value: { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }
    });
    expect(parseServicePort('53/udp')).toEqual({ ok: true, value: { target: 53, protocol: 'udp', mode: 'ingress' } });
  });

  it.each(['', '0', '65536', '80:', ':80', '1:2:3', '08:80', '80/icmp', 'x'])('refuses %j', (text) => {
    expect(parseServicePort(text).ok).toBe(false);
  });
});

describe('parseContainerPublish', () => {
  it.each(['80:', '1.2.3:80:80', '1:2:3:4', '70000', '127.0.0.1:80'])('refuses %j', (text) => {
    expect(parseContainerPublish(text).ok).toBe(false);
  });
});

describe('parseDuration', () => {
  it('reads Go durations and plain milliseconds', () => {
    expect([
      parseDuration('5s'),
      parseDuration('1m30s'),
      parseDuration('1.5h'),
      parseDuration('250ms'),
      parseDuration('0'),
      parseDuration(20)
    ]).toEqual([5000, 90_000, 5_400_000, 250, 0, 20]);
  });

  it.each(['', '5', 's', '5 s', '-1s', '5sx'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseConstraint', () => {
  it('reads engine labels and keeps spaces inside the value', () => {
    expect(parseConstraint('engine.labels.os == ubuntu 24')).toEqual({
      ok: true,
      value: { key: 'engine.labels.os', operator: '==', value: 'ubuntu 24' }
    });
  });

  it('splits on the first operator and trims key and value, as swarmkit does', () => {
    expect(parseConstraint(' NODE.Labels.Zone!= east ')).toEqual({
      ok: true,
      value: { key: 'NODE.Labels.Zone', operator: '!=', value: 'east' }
    });
    expect(formatConstraint({ key: 'node.role', operator: '!=', value: 'manager' })).toBe('node.role!=manager');
  });

  // swarmkit parses any key of the right shape; one the scheduler does not know matches no node.
  it.each(['role==worker', 'node.labels.==a', 'node.colour==red', 'node.ip==10.0.0.0/8', 'node.labels.x==a*(b)|c'])(
    'accepts %j',
    (text) => {
      expect(parseConstraint(text).ok).toBe(true);
    }
  );

  it.each([
    'node.role=worker', // no operator
    'node.role==', // empty value
    'n==x', // a key has at least two characters
    '1node==x', // and starts with a letter or _
    'node.role==a=b', // '=' is not a value character
    'node.role==a,b',
    'node.role!=a==b' // == is tried first: the key is then `node.role!=a`
  ])('refuses %j', (text) => {
    expect(parseConstraint(text).ok).toBe(false);
  });
});

describe('parseServiceName', () => {
  it.each(['web', 'a', 'my_web-1', 'A1', 'x'.repeat(63)])('accepts %j', (name) => {
    expect(parseServiceName(name)).toEqual({ ok: true, value: name });
  });

  it.each(['', 'bad name!', '-web', 'web-', 'web_', 'web.v2', 'x'.repeat(64)])('refuses %j', (name) => {
    expect(parseServiceName(name).ok).toBe(false);
  });

  // swarmkit's regexp, run by a backtracking engine, would not return here within the test timeout.
  it('refuses a long near-miss without exponential backtracking', () => {
    expect(parseServiceName(`${'a'.repeat(5000)}!`).ok).toBe(false);
  });
});
