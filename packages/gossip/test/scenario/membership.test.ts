import { describe, it, expect } from 'vitest';
import { makeCluster, membershipConverged, tickUntil } from './cluster.js';

describe('membership scenarios', () => {
  it('50 nodes converge on the same alive membership', async () => {
    const c = await makeCluster({ n: 50, seed: 7 });
    const ids = c.nodes.map((n) => n.localId);
    const took = tickUntil(c.clock, () => membershipConverged(c.nodes, ids), 30_000);
    expect(took).toBeGreaterThanOrEqual(0);
    // Nobody was ever suspected on a clean network.
    expect(c.log.filter((l) => l.includes('member:dead'))).toEqual([]);
  });
});
