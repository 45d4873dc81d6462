import { describe, expect, it } from 'vitest';
import { bridgeFdb, ipNeigh } from '@swarmsim/netmodel';
import { TestLan } from '../helpers/test-lan.js';

describe('default bridge (docker0 172.17.0.1/16)', () => {
  it('gives containers .2 and .3 in order with MACs 02:42 + IP', () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const c2 = h.run('c2');
    expect([c1.ip, c2.ip]).toEqual(['172.17.0.2', '172.17.0.3']);
    expect(c1.ns.interface('eth0').mac).toBe('02:42:ac:11:00:02');
    expect(c2.ns.interface('eth0').mac).toBe('02:42:ac:11:00:03');
  });

  it('lets two containers ping each other: ARP first, then ICMP, through veth and the bridge', async () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const c2 = h.run('c2');
    const eth0 = c1.ns.interface('eth0');
    const before = { ...eth0.counters };
    const pending = c1.ns.icmp.ping('172.17.0.3', { count: 3 });
    h.clock.tick(3000);
    const result = await pending;
    expect(result.received).toBe(3);
    expect(result.replies.map((r) => r.from)).toEqual(['172.17.0.3', '172.17.0.3', '172.17.0.3']);
    // One ARP request + 3 echo requests out; the ARP reply + 3 echo replies in.
    expect(eth0.counters.txPackets - before.txPackets).toBe(4);
    expect(eth0.counters.rxPackets - before.rxPackets).toBeGreaterThanOrEqual(4);
    expect(ipNeigh(c1.ns)).toContain('172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE');
    // The bridge learned both containers behind their host-side veths.
    const fdb = bridgeFdb(h.host);
    expect(fdb).toContain(`02:42:ac:11:00:02 dev ${c1.hostVeth} master docker0`);
    expect(fdb).toContain(`02:42:ac:11:00:03 dev ${c2.hostVeth} master docker0`);
    // c2 learned c1 from c1's ARP request (Linux creates an entry for a requester that targets us).
    expect(c2.ns.neighbors.entries().map((e) => e.ip)).toContain('172.17.0.2');
  });

  it('reuses the lowest free address: after c1 is removed a new container gets .2 again', () => {
    const h = new TestLan();
    h.run('c1');
    h.run('c2');
    h.remove('c1');
    expect(h.run('c3').ip).toBe('172.17.0.2');
    expect(h.run('c4').ip).toBe('172.17.0.4');
  });

  it('reports Destination Host Unreachable for an address nobody holds, after 3 ARP probes', async () => {
    const h = new TestLan();
    const c1 = h.run('c1');
    const pending = c1.ns.icmp.ping('172.17.0.99', { count: 1, waitMs: 5000 });
    h.clock.tick(5000);
    const result = await pending;
    expect(result.received).toBe(0);
    expect(result.errors).toEqual([{ seq: 1, from: '172.17.0.2', kind: 'destination-unreachable', code: 1 }]);
    expect(ipNeigh(c1.ns)).toContain('172.17.0.99 dev eth0  FAILED');
  });
});
