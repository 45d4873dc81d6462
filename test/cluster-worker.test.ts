import { describe, it, expect } from 'vitest';
import { Cluster, type WorkerCluster } from '@swarmsim/cluster';
import { waitFor } from '@swarmsim/testkit';

/** Running `web` tasks per live node, from the nodes' own status. */
async function spread(cluster: WorkerCluster): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, s] of await cluster.statuses())
    out[name] = s.tasks.filter((t) => t.serviceName === 'web' && t.state === 'running').length;
  return out;
}

describe('Cluster with worker-thread nodes (real time, local preset)', () => {
  it('converges 1/1/1, replaces the task of a killed node, and stops without leftovers', async () => {
    const baseline = process.getActiveResourcesInfo().length;
    const cluster = await Cluster.start({ nodes: 3, seed: 5, runtime: 'worker' });
    try {
      await cluster.waitConverged({ timeoutMs: 15_000 });
      expect(await spread(cluster)).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
      for (const s of (await cluster.statuses()).values())
        expect(s.aliveMembers).toEqual(['node-1', 'node-2', 'node-3']);

      const victim = (await cluster.node('node-3').status()).tasks.find((t) => t.serviceName === 'web')!;
      await cluster.kill('node-3');
      expect(cluster.node('node-3').terminated).toBe(true);
      await cluster.waitConverged({ timeoutMs: 20_000 });

      const manager = (await cluster.leader.status()).manager!;
      expect(manager.nodes.find((n) => n.hostname === 'node-3')!.state).toBe('down');
      const replacement = manager.tasks.find((t) => t.slot === victim.slot && t.desiredState === 'running')!;
      expect(replacement.id).not.toBe(victim.taskId);
      expect(replacement.state).toBe('running');
      const spreadAfter = await spread(cluster);
      expect(Object.keys(spreadAfter).sort()).toEqual(['node-1', 'node-2']);
      expect(spreadAfter['node-1']! + spreadAfter['node-2']!).toBe(3);

      // The same async API as in-process: scale, then drain a node through the leader in its thread.
      const scaled = await cluster.services.scale('web', 4);
      expect(scaled.Spec.Mode).toEqual({ Replicated: { Replicas: 4 } });
      await cluster.waitConverged({ timeoutMs: 20_000 });
      expect(await spread(cluster)).toEqual({ 'node-1': 2, 'node-2': 2 });
      await cluster.swarmNodes.setAvailability('node-2', 'drain');
      await cluster.waitConverged({ timeoutMs: 20_000 });
      expect(await spread(cluster)).toEqual({ 'node-1': 4, 'node-2': 0 });
      expect(
        (await cluster.swarmNodes.list()).find((n) => n.Description.Hostname === 'node-2')!.Spec.Availability
      ).toBe('drain');
      await expect(cluster.services.scale('nope', 1)).rejects.toMatchObject({ code: 'SWARM_ERR_NOT_FOUND' });

      // A standalone container with -p: a real port on node-2's own loopback address reaches whoami inside.
      const hello = await cluster.containers.run('node-2', {
        name: 'hello',
        image: 'whoami',
        publish: [{ hostPort: 8081, containerPort: 80 }]
      });
      expect(hello.networks['bridge']!.ip).toBe('172.17.0.2');
      const host = new URL(cluster.node('node-2').url).hostname;
      const body = await (await fetch(`http://${host}:8081/`)).text();
      expect(body).toContain(`Hostname: ${hello.hostname}`);
      expect(body).toContain('IP: 172.17.0.2');
      const auto = await cluster.containers.run('node-2', { image: 'whoami', publish: [{ containerPort: 80 }] });
      expect(auto.ports[0]!.hostPort).toBe(32768);
      expect((await cluster.containers.list()).map((c) => `${c.node}/${c.name}`).sort()).toEqual([
        `node-2/${auto.name}`,
        'node-2/hello'
      ]);
      await expect(
        cluster.containers.run('node-2', { image: 'whoami', publish: [{ hostPort: 8081, containerPort: 80 }] })
      ).rejects.toMatchObject({ code: 'CONTAINER_ERR_PORT_ALLOCATED' });
      await cluster.containers.remove('node-2', 'hello', { force: true });
      await expect(fetch(`http://${host}:8081/`)).rejects.toThrow();
    } finally {
      await cluster.stop();
    }
    expect(cluster.nodes.every((n) => n.terminated)).toBe(true);
    await waitFor(() => process.getActiveResourcesInfo().length <= baseline, {
      timeoutMs: 5000,
      what: 'resources back to baseline'
    });
    await expect(cluster.gaps()).rejects.toMatchObject({ code: 'CLUSTER_ERR_STOPPED' });
  });
});
