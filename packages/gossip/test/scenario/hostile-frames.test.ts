import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { Keyring, MsgType, encodeEnvelope } from '../../src/index.js';
import { tickUntil } from '@swarmsim/testkit';
import { KEY, makeCluster, membershipConverged } from './cluster.js';

describe('hostile frames', () => {
  it('10 000 random or mutated frames are all dropped and counted, and the cluster carries on', async () => {
    const c = await makeCluster({ n: 5, seed: 2, init: { maxStreamBytes: 64 * 1024 } });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '5 nodes all alive', timeoutMs: 10_000 });
    const target = c.byId('n0');
    const evil = c.net.createTransport('n1-evil');
    const random = seededRandom(99);
    const keyring = new Keyring([KEY]);
    const valid = keyring.seal(
      encodeEnvelope({ v: 1, type: MsgType.Gossip, from: 'n1-evil', ltime: 1, body: { updates: [], networks: [] } }),
      random
    );
    const before = target.stats.dropped;
    for (let i = 0; i < 10_000; i++) {
      let frame: Uint8Array;
      if (i % 2 === 0) {
        // Every tenth random frame is over the stream limit, the rest are up to 2000 bytes.
        frame = new Uint8Array(i % 10 === 0 ? 65 * 1024 + Math.floor(random() * 1000) : Math.floor(random() * 2000));
        for (let j = 0; j < frame.length; j++) frame[j] = Math.floor(random() * 256);
      } else {
        frame = valid.slice();
        const flips = 1 + Math.floor(random() * 4);
        for (let f = 0; f < flips; f++) frame[Math.floor(random() * frame.length)]! ^= 1 + Math.floor(random() * 255);
      }
      evil.sendBestEffort('n0', 'gossip', frame);
      if (i % 1000 === 999) c.clock.tick(10);
    }
    c.clock.tick(100);
    expect(target.stats.dropped - before).toBe(10_000);
    const by = target.stats.droppedBy;
    expect((by.GOSSIP_ERR_UNAUTHENTICATED ?? 0) + (by.GOSSIP_ERR_FRAME_TOO_LARGE ?? 0)).toBe(10_000);
    expect(by.GOSSIP_ERR_FRAME_TOO_LARGE).toBeGreaterThan(0);
    // The node is unharmed: nobody was suspected and the membership is still complete.
    c.clock.tick(5000);
    expect(membershipConverged(c.nodes, ids)).toBe(true);
    expect(c.log.some((l) => l.includes('member:suspect'))).toBe(false);
  });
});
