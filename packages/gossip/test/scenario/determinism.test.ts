import { describe, it, expect } from 'vitest';
import { makeCluster, type LogLine } from './cluster.js';

async function run(seed: number): Promise<LogLine[]> {
  const c = await makeCluster({ n: 12, seed, link: { latencyMs: 2, jitterMs: 3, loss: 0.02 } });
  for (const node of c.nodes) node.joinNetwork('ov1');
  c.clock.tick(1000);
  c.nodes[3]!.create('t', 'ov1', 'k', new Uint8Array([1]));
  c.clock.tick(1000);
  c.net.crash('n7');
  c.nodes[7]!.stop();
  c.clock.tick(10_000);
  return c.log;
}

describe('determinism', () => {
  it('the same seed twice gives the identical event log', async () => {
    const first = await run(21);
    const second = await run(21);
    expect(first.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    expect(first.some((l) => l.includes('member:dead n7'))).toBe(true);
  });

  it('another seed gives another log', async () => {
    expect(await run(22)).not.toEqual(await run(21));
  });
});
