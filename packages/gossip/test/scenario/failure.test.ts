import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { gossip, suspicionTimeout } from '../../src/index.js';
import { tickUntil } from '@swarmsim/testkit';
import { KEY, makeCluster, membershipConverged, tableView } from './cluster.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('failure scenarios', () => {
  it('a killed node is declared dead by every peer within the suspicion bound, and its entries vanish', async () => {
    const c = await makeCluster({ n: 20, seed: 3 });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '20 nodes all alive', timeoutMs: 30_000 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(2000);
    c.byId('n5').create('endpoint_table', 'ov1', 'ep-n5', bytes('10.0.0.5'));
    c.clock.tick(2000);
    expect(c.nodes.every((n) => n.get('endpoint_table', 'ov1', 'ep-n5') !== undefined)).toBe(true);

    c.net.crash('n5');
    c.byId('n5').stop();
    const killedAt = c.clock.now();
    const peers = c.nodes.filter((n) => n.localId !== 'n5');
    const cfg = peers[0]!.config;
    // Detection within one probe round of all peers, then the longest (unconfirmed) suspicion, then gossip.
    const maxSuspicion = cfg.suspicionMaxTimeoutMult * suspicionTimeout(cfg.suspicionMult, 20, cfg.probeIntervalMs);
    const bound = 2 * cfg.probeIntervalMs + maxSuspicion + 20 * cfg.gossipIntervalMs;
    const allDead = (): boolean => peers.every((n) => n.members().find((m) => m.node === 'n5')?.state === 'dead');
    tickUntil(c.clock, allDead, { what: 'n5 dead on every peer', timeoutMs: bound });
    expect(c.clock.now() - killedAt).toBeLessThanOrEqual(bound);
    expect(peers.every((n) => n.get('endpoint_table', 'ov1', 'ep-n5') === undefined)).toBe(true);
    expect(c.log.filter((l) => l.includes('table:delete ov1/endpoint_table/ep-n5@')).length).toBe(19);
  });

  it('a node that leaves gracefully is marked left everywhere and its entries vanish', async () => {
    const c = await makeCluster({ n: 10, seed: 4 });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '10 nodes all alive', timeoutMs: 30_000 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(1000);
    c.byId('n2').create('t', 'ov1', 'k', bytes('v'));
    c.clock.tick(1000);
    c.byId('n2').leave();
    const peers = c.nodes.filter((n) => n.localId !== 'n2');
    const allLeft = (): boolean => peers.every((n) => n.members().find((m) => m.node === 'n2')?.state === 'left');
    tickUntil(c.clock, allLeft, { what: 'n2 left on every peer', timeoutMs: 5000 });
    expect(peers.every((n) => n.get('t', 'ov1', 'k') === undefined)).toBe(true);
  });

  it('after a 20|30 partition of 60 virtual seconds and a heal, every table is identical', async () => {
    const c = await makeCluster({ n: 50, seed: 11 });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '50 nodes all alive', timeoutMs: 30_000 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(3000);
    for (const node of c.nodes.slice(0, 50))
      node.create('endpoint_table', 'ov1', `ep-${node.localId}`, bytes(node.localId));
    c.clock.tick(3000);
    c.net.partition(ids.slice(0, 20), ids.slice(20));
    // Both sides keep writing while cut off.
    c.clock.tick(10_000);
    c.byId('n1').update('endpoint_table', 'ov1', 'ep-n1', bytes('moved'));
    c.byId('n30').delete('endpoint_table', 'ov1', 'ep-n30');
    c.byId('n40').create('endpoint_table', 'ov1', 'late', bytes('x'));
    c.clock.tick(50_000);
    // Each side has declared the other dead and dropped its entries.
    expect(
      c
        .byId('n0')
        .members()
        .find((m) => m.node === 'n30')?.state
    ).toBe('dead');
    expect(
      c
        .byId('n30')
        .members()
        .find((m) => m.node === 'n0')?.state
    ).toBe('dead');
    expect(c.byId('n0').entries()).toHaveLength(20);
    c.net.heal();
    const identical = (): boolean => {
      const views = c.nodes.map(tableView);
      return views.every((v) => v === views[0]) && membershipConverged(c.nodes, ids);
    };
    tickUntil(c.clock, identical, {
      what: 'identical tables and membership after the heal',
      timeoutMs: 60_000,
      stepMs: 100
    });
    const view = c.nodes[0]!.entries();
    expect(view).toHaveLength(50);
    expect(new TextDecoder().decode(c.nodes[25]!.get('endpoint_table', 'ov1', 'ep-n1')!.value)).toBe('moved');
    expect(c.nodes[3]!.get('endpoint_table', 'ov1', 'ep-n30')).toBeUndefined();
    expect(c.nodes[3]!.get('endpoint_table', 'ov1', 'late')?.owner).toBe('n40');
  });
});

describe('restart', () => {
  it('a crashed node that restarts under the same id refutes its death and its new entries spread', async () => {
    const c = await makeCluster({ n: 8, seed: 13 });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '8 nodes all alive', timeoutMs: 10_000 });
    for (const node of c.nodes) node.joinNetwork('ov1');
    c.clock.tick(1000);
    c.net.crash('n3');
    c.byId('n3').stop();
    const peers = c.nodes.filter((n) => n.localId !== 'n3');
    const n3Dead = (): boolean => peers.every((n) => n.members().find((m) => m.node === 'n3')?.state === 'dead');
    tickUntil(c.clock, n3Dead, { what: 'n3 dead on every peer', timeoutMs: 30_000 });
    const reborn = gossip({ preset: 'local', keys: [KEY] })({
      clock: c.clock,
      transport: c.net.createTransport('n3'),
      random: seededRandom(5)
    });
    reborn.start();
    const joined = reborn.join(['n0']);
    c.clock.tick(10);
    expect(await joined).toBe(1);
    reborn.joinNetwork('ov1');
    reborn.create('t', 'ov1', 'again', bytes('1'));
    const all = [...peers, reborn];
    tickUntil(
      c.clock,
      () => membershipConverged(all, ids) && all.every((n) => n.get('t', 'ov1', 'again') !== undefined),
      {
        what: 'reborn n3 alive everywhere with its entry',
        timeoutMs: 20_000
      }
    );
    expect(reborn.members().find((m) => m.node === 'n3')!.incarnation).toBeGreaterThan(0);
  });
});
