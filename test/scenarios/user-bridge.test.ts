import { describe, expect, it } from 'vitest';
import { ipAddr, ipRoute } from '@swarmsim/netmodel';
import { TestLan } from '../helpers/test-lan.js';

describe('user-defined bridge', () => {
  it('honours --subnet 192.168.100.0/24 --gateway 192.168.100.254 and a static --ip', async () => {
    const h = new TestLan();
    const net = h.createNetwork('mynet', { subnet: '192.168.100.0/24', gateway: '192.168.100.254' });
    expect(ipAddr(h.host)).toContain(`inet 192.168.100.254/24 brd 192.168.100.255 scope global ${net.bridge.name}`);
    const fixed = h.run('fixed', { network: 'mynet', ip: '192.168.100.100' });
    const dyn = h.run('dyn', { network: 'mynet' });
    expect(fixed.ip).toBe('192.168.100.100');
    expect(fixed.mac).toBe('02:42:c0:a8:64:64');
    expect(dyn.ip).toBe('192.168.100.1');
    expect(ipRoute(fixed.ns)).toBe(
      'default via 192.168.100.254 dev eth0 \n192.168.100.0/24 dev eth0 proto kernel scope link src 192.168.100.100 \n'
    );
    const toGateway = fixed.ns.icmp.ping('192.168.100.254');
    const toPeer = fixed.ns.icmp.ping('192.168.100.1');
    h.clock.tick(1000);
    expect((await toGateway).received).toBe(1);
    expect((await toPeer).received).toBe(1);
  });

  it('isolates bridges from each other (DOCKER-ISOLATION) while both reach the internet', async () => {
    const h = new TestLan();
    h.createNetwork('a');
    h.createNetwork('b');
    const ca = h.run('ca', { network: 'a' });
    const cb = h.run('cb', { network: 'b' });
    expect(ca.ip).toBe('172.18.0.2');
    expect(cb.ip).toBe('172.19.0.2');
    const across = ca.ns.icmp.ping(cb.ip, { waitMs: 2000 });
    const out = cb.ns.icmp.ping('8.8.8.8');
    h.clock.tick(3000);
    expect((await across).received).toBe(0);
    expect((await out).received).toBe(1);
  });

  it('drops container-to-container traffic when icc is disabled (docker_gwbridge)', async () => {
    const h = new TestLan();
    h.createNetwork('docker_gwbridge', { bridgeName: 'docker_gwbridge', icc: false });
    const a = h.run('a', { network: 'docker_gwbridge' });
    const b = h.run('b', { network: 'docker_gwbridge' });
    const dropsBefore = h.host.ipv4.stats.filtered;
    const blocked = a.ns.icmp.ping(b.ip, { count: 2, waitMs: 2000 });
    const gateway = a.ns.icmp.ping('172.18.0.1');
    h.clock.tick(4000);
    expect((await blocked).received).toBe(0);
    expect(h.host.ipv4.stats.filtered - dropsBefore).toBeGreaterThanOrEqual(2);
    // The host itself is still reachable: icc only governs bridged traffic between containers.
    expect((await gateway).received).toBe(1);
    expect(h.host.netfilter.list('filter', { chain: 'FORWARD', verbose: true, numeric: true })).toMatch(
      /\s2\s+\d+ DROP\s+all\s+--\s+docker_gwbridge docker_gwbridge/
    );
  });
});
