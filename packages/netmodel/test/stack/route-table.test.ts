import { describe, expect, it } from 'vitest';
import { NetmodelError, RouteTable } from '../../src/index.js';

describe('RouteTable', () => {
  it('picks the longest matching prefix, then the lowest metric', () => {
    const t = new RouteTable();
    t.addDefault('192.168.99.1', 'eth0');
    t.add({ network: '10.0.0.0', prefixLength: 8, dev: 'eth1', metric: 100 });
    t.add({ network: '10.0.1.0', prefixLength: 24, dev: 'br0' });
    t.add({ network: '10.0.0.0', prefixLength: 8, dev: 'eth2', metric: 10 });
    expect(t.lookup('10.0.1.7')?.dev).toBe('br0');
    expect(t.lookup('10.9.9.9')?.dev).toBe('eth2');
    expect(t.lookup('1.1.1.1')?.via).toBe('192.168.99.1');
  });

  it('clears host bits of the destination and skips routes whose device is unusable', () => {
    const t = new RouteTable();
    const r = t.add({ network: '172.17.0.9', prefixLength: 16, dev: 'docker0' });
    expect(r.network).toBe('172.17.0.0');
    t.add({ network: '172.17.0.0', prefixLength: 12, dev: 'eth0' });
    expect(t.lookup('172.17.3.3', (dev) => dev !== 'docker0')?.dev).toBe('eth0');
  });

  it('removes routes by fields and rejects bad prefixes with a code', () => {
    const t = new RouteTable();
    t.add({ network: '10.0.0.0', prefixLength: 24, dev: 'a' });
    t.add({ network: '10.0.1.0', prefixLength: 24, dev: 'b' });
    expect(t.remove({ dev: 'a' })).toBe(1);
    expect(t.lookup('10.0.0.1')).toBeUndefined();
    expect(() => t.add({ network: '10.0.0.0', prefixLength: 33, dev: 'a' })).toThrow(NetmodelError);
  });
});
