import { describe, expect, it } from 'vitest';
import { parseConstraint, parseContainerPublish, parseDuration, parseServicePort } from '../src/index.js';

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

  it.each(['node.role=worker', 'node.role==', 'node.labels.==a', 'role==worker'])('refuses %j', (text) => {
    expect(parseConstraint(text).ok).toBe(false);
  });
});
