import { describe, it, expect } from 'vitest';
import { tickUntil } from '@swarmsim/testkit';
import { makeCluster, membershipConverged, tableView } from './cluster.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('table scenarios', () => {
  it('an entry written on one node reaches every node of its network and no other', async () => {
    const c = await makeCluster({ n: 30, seed: 5 });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '30 nodes all alive', timeoutMs: 30_000 });
    const onNet = c.nodes.filter((_, i) => i % 3 === 0);
    const offNet = c.nodes.filter((_, i) => i % 3 !== 0);
    for (const node of onNet) node.joinNetwork('ov-a');
    for (const node of offNet) node.joinNetwork('ov-b');
    c.clock.tick(2000);
    onNet[1]!.create('endpoint_table', 'ov-a', 'web.1', bytes('10.0.1.3'));
    const everywhere = (): boolean =>
      onNet.every((n) => n.get('endpoint_table', 'ov-a', 'web.1')?.owner === onNet[1]!.localId);
    tickUntil(c.clock, everywhere, { what: 'web.1 on every ov-a node', timeoutMs: 5000 });
    c.clock.tick(10_000); // long enough for any stray relay to have arrived
    expect(offNet.every((n) => n.entries().length === 0)).toBe(true);
    const creates = c.log.filter((l) => l.includes('table:create ov-a/endpoint_table/web.1'));
    expect(creates.map((l) => l.split(' ')[1]).sort()).toEqual(onNet.map((n) => n.localId).sort());
  });

  it('update and delete propagate; a deleted key can be created again', async () => {
    const c = await makeCluster({ n: 8, seed: 6 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(2000);
    const [a, b] = [c.nodes[0]!, c.nodes[5]!];
    a.create('t', 'ov1', 'k', bytes('one'));
    c.clock.tick(1000);
    b.update('t', 'ov1', 'k', bytes('two'));
    c.clock.tick(1000);
    expect(c.nodes.map((n) => new TextDecoder().decode(n.get('t', 'ov1', 'k')?.value))).toEqual(Array(8).fill('two'));
    expect(c.nodes.every((n) => n.get('t', 'ov1', 'k')?.owner === b.localId)).toBe(true);
    a.delete('t', 'ov1', 'k');
    c.clock.tick(1000);
    expect(c.nodes.every((n) => n.get('t', 'ov1', 'k') === undefined)).toBe(true);
    c.clock.tick(a.config.tombstoneMs + 2 * a.config.reapIntervalMs);
    b.create('t', 'ov1', 'k', bytes('three'));
    c.clock.tick(1000);
    expect(c.nodes.every((n) => n.get('t', 'ov1', 'k')?.owner === b.localId)).toBe(true);
  });

  it('a node leaving a network takes its entries with it on every peer', async () => {
    const c = await makeCluster({ n: 6, seed: 8 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(2000);
    c.nodes[2]!.create('t', 'ov1', 'mine', bytes('x'));
    c.clock.tick(1000);
    c.nodes[2]!.leaveNetwork('ov1');
    c.clock.tick(2000);
    expect(c.nodes.every((n) => n.get('t', 'ov1', 'mine') === undefined)).toBe(true);
    expect(c.nodes[0]!.networkNodes('ov1')).not.toContain('n2');
  });

  it('a node joining a network late gets every entry by bulk sync', async () => {
    const c = await makeCluster({ n: 10, seed: 9 });
    for (const node of c.nodes.slice(0, 9)) node.joinNetwork('ov1');
    c.clock.tick(2000);
    for (const node of c.nodes.slice(0, 9)) node.create('t', 'ov1', node.localId, bytes(node.localId));
    c.clock.tick(c.nodes[0]!.config.tombstoneMs); // every broadcast long exhausted
    const late = c.nodes[9]!;
    late.joinNetwork('ov1');
    c.clock.tick(500);
    expect(late.entries()).toHaveLength(9);
  });

  it('periodic bulk sync repairs a write whose gossip was entirely lost', async () => {
    // A huge suspicion multiplier keeps the cut-off node from being declared dead during the test.
    const c = await makeCluster({ n: 4, seed: 14, init: { suspicionMult: 1000 } });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(2000);
    for (const peer of ['n0', 'n1', 'n2']) c.net.setLink('n3', peer, { loss: 1 });
    c.nodes[0]!.create('t', 'ov1', 'k', bytes('v'));
    c.clock.tick(1000); // every retransmit spent while n3 hears no datagram
    for (const peer of ['n0', 'n1', 'n2']) c.net.setLink('n3', peer, { latencyMs: 1, loss: 0 });
    const n3 = c.byId('n3');
    expect(n3.get('t', 'ov1', 'k')).toBeUndefined();
    tickUntil(c.clock, () => n3.get('t', 'ov1', 'k') !== undefined, {
      what: 'k repaired on n3 by bulk sync',
      timeoutMs: n3.config.bulkSyncIntervalMs + 100
    });
    expect(c.log.some((l) => l.includes('member:dead'))).toBe(false);
  });

  it('still converges with 5 % loss on every link', async () => {
    const c = await makeCluster({ n: 30, seed: 12, link: { latencyMs: 2, jitterMs: 2, loss: 0.05 } });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '30 nodes all alive', timeoutMs: 60_000 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(3000);
    for (const node of c.nodes.slice(0, 10)) node.create('t', 'ov1', node.localId, bytes(node.localId));
    const same = (): boolean =>
      c.nodes.every((n) => tableView(n) === tableView(c.nodes[0]!)) && c.nodes[0]!.entries().length === 10;
    tickUntil(c.clock, same, { what: 'the same 10 entries on every node', timeoutMs: 60_000, stepMs: 50 });
    expect(c.net.stats.dropped).toBeGreaterThan(0);
  });
});
