import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { InProcessNode } from '../src/in-process-node.js';
import { inProcessHandle } from '../src/node-status.js';

/** Ticks a ManualClock until `p` settles (the control protocol needs delivery time). */
async function settle<T>(clock: ManualClock, p: Promise<T>): Promise<T> {
  let done = false;
  const tracked = p.finally(() => (done = true));
  tracked.catch(() => {});
  for (let i = 0; i < 200 && !done; i++) {
    clock.tick(5);
    for (let j = 0; j < 10; j++) await Promise.resolve();
  }
  return tracked;
}

describe('inProcessHandle / nodeStatus', () => {
  it('reports join state, gossip members and the leader snapshot as plain data', async () => {
    const clock = new ManualClock();
    const fabric = new Fabric({ clock });
    const wire = new Wire('underlay');
    const net = new MemoryNetwork({ clock });
    const [a, b] = ['node-1', 'node-2'].map((name, i) =>
      inProcessHandle(
        new InProcessNode(
          { name, underlayIp: `192.168.99.${100 + i}` },
          { clock, fabric, wire, transport: net.createTransport(name), random: seededRandom(i + 1) }
        )
      )
    );
    const before = await a!.status();
    expect(before).toMatchObject({ name: 'node-1', joined: false, leader: false, aliveMembers: [], tasks: [] });
    expect(before.manager).toBeUndefined();

    const tokens = await settle(clock, a!.initSwarm());
    await settle(clock, b!.joinSwarm('node-1', tokens.worker));
    for (let i = 0; i < 40; i++) clock.tick(50);
    const leader = await a!.status();
    const worker = await b!.status();
    expect(leader.leader).toBe(true);
    expect(worker.leader).toBe(false);
    expect(worker.manager).toBeUndefined();
    expect(leader.aliveMembers).toEqual(['node-1', 'node-2']);
    expect(leader.manager!.nodes.map((n) => [n.hostname, n.state]).sort()).toEqual([
      ['node-1', 'ready'],
      ['node-2', 'ready']
    ]);
    expect(leader.manager!.nodes.map((n) => n.id).sort()).toEqual([leader.nodeId, worker.nodeId].sort());
    expect(structuredClone(leader)).toEqual(leader);

    await b!.crash();
    expect((await b!.status()).joined).toBe(false);
    await a!.stop();
    await b!.stop();
  });
});
