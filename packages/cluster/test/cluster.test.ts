import { describe, it, expect } from 'vitest';
import { defaultClusterSpec } from '@swarmsim/config';
import { ManualClock } from '@swarmsim/clock';
import { Cluster } from '../src/cluster.js';
import { ClusterError } from '../src/errors.js';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(ClusterError);
  return (err as ClusterError).code;
}

describe('Cluster', () => {
  it('starts from a full ClusterSpec: leader first, workers joined with the worker token', async () => {
    const cluster = await Cluster.start(defaultClusterSpec());
    const nodes = cluster.manager.nodes().map((n) => [n.Description.Hostname, n.Spec.Role, n.Status.Addr]);
    expect(nodes).toEqual([
      ['node-1', 'manager', '192.168.99.100'],
      ['node-2', 'worker', '192.168.99.101'],
      ['node-3', 'worker', '192.168.99.102']
    ]);
    expect(cluster.leader.name).toBe('node-1');
    expect((await cluster.networks.list()).map((n) => n.Spec.Name)).toEqual(['ingress', 'overnet']);
    expect((await cluster.services.list()).map((s) => s.Spec.Name)).toEqual(['web']);
    await cluster.stop();
  });

  it('spreads a 5-node cluster 1 per node and knows every node by name', async () => {
    const cluster = await Cluster.start({ nodes: 5, seed: 2 });
    await cluster.services.scale('web', 5);
    await cluster.waitConverged();
    expect(cluster.nodes.map((n) => n.tasks.length)).toEqual([1, 1, 1, 1, 1]);
    expect(cluster.node('node-5').sandboxes.ingressSbox.name).toBe('node-5:ingress-sbox');
    expect(() => cluster.node('node-9')).toThrow(expect.objectContaining({ code: 'CLUSTER_ERR_NO_SUCH_NODE' }));
    await cluster.stop();
  });

  it('creates, lists and removes services and networks through the leader', async () => {
    const cluster = await Cluster.start({ nodes: 2 });
    await cluster.networks.create({ name: 'backend' });
    await cluster.services.create({ name: 'api', image: 'sleep', replicas: 2, networks: ['backend'] });
    await cluster.waitConverged();
    const api = await cluster.services.tasks('api');
    expect(api.map((t) => t.Status.State)).toEqual(['running', 'running']);
    expect(api.every((t) => t.NetworksAttachments[0]!.Addresses[0]!.startsWith('10.0.2.'))).toBe(true);
    await cluster.services.remove('api');
    await cluster.waitConverged();
    expect(cluster.nodes.flatMap((n) => n.tasks).every((t) => t.assignment.serviceName === 'web')).toBe(true);
    await cluster.networks.remove('backend');
    expect((await cluster.networks.list()).map((n) => n.Spec.Name)).toEqual(['ingress', 'overnet']);
    await cluster.stop();
  });

  it('gives up at timeoutMs with CLUSTER_ERR_NOT_CONVERGED listing what is missing', async () => {
    const clock = new ManualClock();
    const cluster = await Cluster.start({ nodes: 3 }, { clock });
    await cluster.services.create({
      name: 'never',
      image: 'sleep',
      replicas: 1,
      constraints: ['node.labels.zone==mars']
    });
    const err = await cluster.waitConverged({ timeoutMs: 500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).type.pending).toContain('never: 0/1 running');
    await cluster.stop();
    expect(await codeOf(cluster.waitConverged())).toBe('CLUSTER_ERR_STOPPED');
  });

  it('refuses the worker runtime with an injected clock (workers run in real time)', async () => {
    expect(await codeOf(Cluster.start({ runtime: 'worker' }, { clock: new ManualClock() }))).toBe(
      'CLUSTER_ERR_RUNTIME_UNAVAILABLE'
    );
  });
});
