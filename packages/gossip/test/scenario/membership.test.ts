import { describe, it, expect } from 'vitest';
import { tickUntil } from '@swarmsim/testkit';
import { makeCluster, membershipConverged } from './cluster.js';

describe('membership scenarios', () => {
  it('50 nodes converge on the same alive membership', async () => {
    const c = await makeCluster({ n: 50, seed: 7 });
    const ids = c.nodes.map((n) => n.localId);
    tickUntil(c.clock, () => membershipConverged(c.nodes, ids), { what: '50 nodes all alive', timeoutMs: 30_000 });
    // Nobody was ever suspected on a clean network.
    expect(c.log.filter((l) => l.includes('member:dead'))).toEqual([]);
  });
});
