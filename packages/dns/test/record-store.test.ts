import { describe, it, expect } from 'vitest';
import { DnsError, RecordStore } from '../src/index.js';
import { thrown } from './helpers.js';

function store(): RecordStore {
  const s = new RecordStore();
  s.addNetwork({ id: 'n1', name: 'one' });
  return s;
}

const codeOf = (fn: () => unknown): string => {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(DnsError);
  return (err as DnsError).code;
};

describe('RecordStore', () => {
  it('replaces an endpoint on update: the old address leaves every name', () => {
    const s = store();
    s.setEndpoint('n1', 'e1', { name: 'c1', ip: '10.0.0.2', aliases: ['a'] });
    s.setEndpoint('n1', 'e1', { name: 'c1', ip: '10.0.0.3', aliases: ['a'] });
    expect(s.lookup('n1', 'c1', 4)).toEqual(['10.0.0.3']);
    expect(s.lookup('n1', 'a', 4)).toEqual(['10.0.0.3']);
    expect(s.reverse('n1', '10.0.0.2')).toBeUndefined();
    expect(s.reverse('n1', '10.0.0.3')).toBe('c1');
  });

  it('keeps a shared VIP until the last task of the service is removed', () => {
    const s = store();
    const svc = { id: 's', name: 'svc', vip: '10.0.0.100' };
    s.setEndpoint('n1', 'e1', { name: 'svc.1.x', ip: '10.0.0.2', service: svc });
    s.setEndpoint('n1', 'e2', { name: 'svc.2.y', ip: '10.0.0.3', service: svc });
    expect(s.removeEndpoint('n1', 'e1')).toBe(true);
    expect(s.lookup('n1', 'svc', 4)).toEqual(['10.0.0.100']);
    s.removeEndpoint('n1', 'e2');
    expect(s.lookup('n1', 'svc', 4)).toEqual([]);
    expect(s.removeEndpoint('n1', 'e2')).toBe(false);
  });

  it('answers PTR with the first holder of an address', () => {
    const s = store();
    s.setEndpoint('n1', 'e1', { name: 'first', ip: '10.0.0.2' });
    s.setEndpoint('n1', 'e2', { name: 'second', ip: '10.0.0.2' });
    expect(s.reverse('n1', '10.0.0.2')).toBe('first');
    s.removeEndpoint('n1', 'e1');
    expect(s.reverse('n1', '10.0.0.2')).toBe('second');
  });

  it('is not affected by later changes to the caller object', () => {
    const s = store();
    const aliases = ['x'];
    s.setEndpoint('n1', 'e1', { name: 'c', ip: '10.0.0.2', aliases });
    aliases.push('y');
    s.removeEndpoint('n1', 'e1');
    expect(s.lookup('n1', 'x', 4)).toEqual([]);
    expect(s.lookup('n1', 'y', 4)).toEqual([]);
  });

  it('drops every record with its network', () => {
    const s = store();
    s.setEndpoint('n1', 'e1', { name: 'c', ip: '10.0.0.2' });
    expect(s.removeNetwork('n1')).toBe(true);
    expect(s.lookup('n1', 'c', 4)).toEqual([]);
    expect(s.network('n1')).toBeUndefined();
  });

  it('throws typed errors for unknown or duplicate networks and invalid records', () => {
    const s = store();
    expect(codeOf(() => s.setEndpoint('nope', 'e', { name: 'c', ip: '10.0.0.2' }))).toBe('DNS_ERR_UNKNOWN_NETWORK');
    expect(codeOf(() => s.removeEndpoint('nope', 'e'))).toBe('DNS_ERR_UNKNOWN_NETWORK');
    expect(codeOf(() => s.addNetwork({ id: 'n1', name: 'again' }))).toBe('DNS_ERR_DUPLICATE_NETWORK');
    expect(codeOf(() => s.setEndpoint('n1', 'e', { name: 'c', ip: '10.0.0.256' }))).toBe('DNS_ERR_INVALID_ADDRESS');
    expect(codeOf(() => s.setEndpoint('n1', 'e', { name: 'c', ip: '10.0.0.2', ipv6: 'zz::1' }))).toBe(
      'DNS_ERR_INVALID_ADDRESS'
    );
    expect(
      codeOf(() => s.setEndpoint('n1', 'e', { name: 'c', ip: '10.0.0.2', service: { id: 's', name: 's', vip: 'x' } }))
    ).toBe('DNS_ERR_INVALID_ADDRESS');
    expect(codeOf(() => s.setEndpoint('n1', 'e', { name: '', ip: '10.0.0.2' }))).toBe('DNS_ERR_INVALID_NAME');
    expect(s.endpoint('n1', 'e')).toBeUndefined();
  });
});
