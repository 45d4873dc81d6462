import { afterEach, describe, expect, it } from 'vitest';
import { gossip, type Gossip } from '@swarmsim/gossip';
import { realClock } from '@swarmsim/clock';
import { waitFor } from '@swarmsim/testkit';
import { createWsTransport, type WsTransport } from '@swarmsim/transport-ws';

// Issue 3, item 7: five gossip nodes over real WebSockets on 127.0.0.1, real timers, the `local` preset.
const IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];
const KEY = new Uint8Array(32).fill(7);

let running: { nodes: Gossip[]; transports: WsTransport[] } | undefined;

afterEach(async () => {
  if (running === undefined) return;
  for (const g of running.nodes) g.stop();
  await Promise.all(running.transports.map((t) => t.close()));
  running = undefined;
});

describe('gossip over transport-ws (real time)', () => {
  it('converges membership of 5 nodes and replicates a table entry to every node of its network', async () => {
    const transports = await Promise.all(
      IDS.map((localId) => createWsTransport({ localId, token: 'SWMTKN-1-gossip-e2e' }))
    );
    const book = Object.fromEntries(transports.map((t) => [t.localId, t.url]));
    for (const t of transports) t.setPeers(book);
    const nodes = transports.map((transport) =>
      gossip({ preset: 'local', keys: [KEY] })({ clock: realClock, transport })
    );
    running = { nodes, transports };
    for (const g of nodes) g.start();
    await Promise.all(nodes.slice(1).map((g) => g.join(['node-1'])));
    await waitFor(() => nodes.every((g) => g.members().filter((m) => m.state === 'alive').length === IDS.length), {
      timeoutMs: 15_000,
      what: 'every node sees 5 alive members'
    });
    for (const g of nodes.slice(0, 4)) g.joinNetwork('overnet');
    await waitFor(() => nodes.slice(0, 4).every((g) => g.networkNodes('overnet').length === 4), {
      timeoutMs: 15_000,
      what: 'network membership'
    });
    nodes[2]!.create('endpoint_table', 'overnet', 'ep-1', new TextEncoder().encode('10.0.1.3'));
    await waitFor(() => nodes.slice(0, 4).every((g) => g.get('endpoint_table', 'overnet', 'ep-1') !== undefined), {
      timeoutMs: 15_000,
      what: 'entry on every node of overnet'
    });
    const values = nodes
      .slice(0, 4)
      .map((g) => new TextDecoder().decode(g.get('endpoint_table', 'overnet', 'ep-1')!.value));
    expect(values).toEqual(['10.0.1.3', '10.0.1.3', '10.0.1.3', '10.0.1.3']);
    // node-5 is not on overnet: it never stores the entry.
    expect(nodes[4]!.get('endpoint_table', 'overnet', 'ep-1')).toBeUndefined();
  });
});
