import { describe, expect, it } from 'vitest';
import { TestLan } from '../helpers/test-lan.js';

describe('NAT on a Docker host', () => {
  it('masquerades a container reaching 8.8.8.8 and un-NATs the reply through conntrack', async () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const pending = c1.ns.icmp.ping('8.8.8.8', { count: 2 });
    h.clock.tick(2000);
    const result = await pending;
    expect(result.received).toBe(2);
    expect(result.replies[0]!.from).toBe('8.8.8.8');
    // One TTL decrement on the way back through the host.
    expect(result.replies[0]!.ttl).toBe(63);
    const ct = h.host.netfilter.conntrack.list();
    expect(ct).toMatch(/icmp +1 \d+ src=172\.17\.0\.2 dst=8\.8\.8\.8 .*src=8\.8\.8\.8 dst=192\.168\.99\.100/);
  });

  it('shows the internet host the masqueraded source address, and the container the real server', () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    // Bound to 8.8.8.8: a wildcard-bound UDP server would answer from its route's source, 192.168.99.1.
    const server = h.internet.udp.bind(53, '8.8.8.8');
    const seenBy = { server: '', client: '' };
    server.on('message', (data, remote) => {
      seenBy.server = `${remote.address}`;
      server.send(data, remote.port, remote.address);
    });
    const client = c1.ns.udp.bind();
    client.on('message', (_data, remote) => {
      seenBy.client = `${remote.address}:${remote.port}`;
    });
    client.send(new TextEncoder().encode('query'), 53, '8.8.8.8');
    h.clock.tick(10);
    expect(seenBy).toEqual({ server: '192.168.99.100', client: '8.8.8.8:53' });
  });

  it('does not masquerade traffic that stays on docker0', () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const c2 = h.run('c2');
    const server = c2.ns.udp.bind(9000);
    const sources: string[] = [];
    server.on('message', (_d, remote) => sources.push(remote.address));
    c1.ns.udp.bind().send(new Uint8Array([1]), 9000, c2.ip);
    h.clock.tick(10);
    expect(sources).toEqual(['172.17.0.2']);
  });
});

describe('ICMP errors from the Docker host', () => {
  it('answers a TTL-1 packet with time exceeded from the gateway (what traceroute shows as hop 1)', async () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const pending = c1.ns.icmp.ping('8.8.8.8', { ttl: 1, waitMs: 2000 });
    h.clock.tick(2000);
    const result = await pending;
    expect(result.received).toBe(0);
    expect(result.errors).toEqual([{ seq: 1, from: '172.17.0.1', kind: 'time-exceeded', code: 0 }]);
  });

  it('forgets MASQUERADE mappings when eth0 goes down, as Linux does', async () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const pending = c1.ns.icmp.ping('8.8.8.8');
    h.clock.tick(1000);
    expect((await pending).received).toBe(1);
    expect(h.host.netfilter.conntrack.list()).toContain('dst=8.8.8.8');
    h.host.setUp('eth0', false);
    expect(h.host.netfilter.conntrack.list()).not.toContain('dst=8.8.8.8');
  });
});
