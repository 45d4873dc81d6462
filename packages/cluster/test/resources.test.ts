import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '@swarmsim/config';
import { Cluster } from '../src/index.js';

describe('cluster resources', () => {
  it('docker node ls lists nodes by hostname in natural order, whatever the join order', async () => {
    const cluster = await Cluster.start({
      spec: parseClusterConfig(
        'nodes: [{ name: node-10, role: manager }, { name: node-2 }, { name: node-1 }, { name: b-node }]'
      )
    });
    expect((await cluster.swarmNodes.list()).map((n) => n.Description.Hostname)).toEqual([
      'b-node',
      'node-1',
      'node-2',
      'node-10'
    ]);
    await cluster.stop();
  });
});
