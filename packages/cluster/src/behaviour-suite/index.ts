import { ContainerError } from '@swarmsim/node';
import { SwarmError } from '@swarmsim/swarm';
import type { Cluster } from '../cluster.js';
import { ClusterError } from '../errors.js';
import { rejectionOf, spread, type ClusterSuiteOptions, type StartCluster, type VitestApi } from './harness.js';

export type { ClusterSuiteOptions, StartCluster } from './harness.js';

/**
 * The behaviour every runtime of {@link Cluster} must show, run the same against each (as `transportSuite` is
 * for transports): boot and convergence, a crash and its rescheduling, scaling and drain, standalone containers
 * with Docker's addresses, coded failures of the same class and code, giving up on convergence, and stop.
 * `await` it at the top level of a test file; vitest is imported lazily.
 */
export async function clusterBehaviourSuite(
  name: string,
  start: StartCluster,
  options: ClusterSuiteOptions = {}
): Promise<void> {
  const vitest: VitestApi = await import('vitest');
  const { describe, it, expect, afterEach } = vitest;
  const converge = { timeoutMs: options.convergeTimeoutMs ?? 120_000 };
  const testTimeout = options.testTimeoutMs ?? 60_000;
  let running: Cluster[] = [];
  const boot: StartCluster = async (o) => {
    const cluster = await start(o);
    running.push(cluster);
    return cluster;
  };

  describe(`${name}: Cluster behaviour`, () => {
    afterEach(async () => {
      await Promise.all(running.map((c) => c.stop()));
      running = [];
    });

    it(
      'boots the default spec: every node joined and Ready, gossip complete, web spread 1/1/1',
      async () => {
        const cluster = await boot({ nodes: 3, seed: 5 });
        await cluster.waitConverged(converge);
        expect(await cluster.gaps()).toEqual([]);
        const statuses = await cluster.statuses();
        expect([...statuses.keys()]).toEqual(['node-1', 'node-2', 'node-3']);
        expect([...statuses.values()].map((s) => [s.joined, s.leader, s.aliveMembers])).toEqual([
          [true, true, ['node-1', 'node-2', 'node-3']],
          [true, false, ['node-1', 'node-2', 'node-3']],
          [true, false, ['node-1', 'node-2', 'node-3']]
        ]);
        expect(spread(statuses, 'web')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
        // Each node built overnet for its task and programmed the other two nodes' tasks as VXLAN peers.
        for (const s of statuses.values()) {
          const overnet = s.overlays.find((o) => o.network === 'overnet');
          expect([overnet?.endpoints.length, overnet?.peers.length]).toEqual([1, 2]);
        }
        const nodes = await cluster.swarmNodes.list();
        // `node ls` sorts by hostname as the docker CLI does, whatever order the workers joined in.
        expect(nodes.map((n) => [n.Description.Hostname, n.Status.State, n.Spec.Role])).toEqual([
          ['node-1', 'ready', 'manager'],
          ['node-2', 'ready', 'worker'],
          ['node-3', 'ready', 'worker']
        ]);
        const overnet = (await cluster.networks.list()).find((n) => n.Spec.Name === 'overnet');
        expect(overnet?.IPAMOptions.Configs[0]?.Subnet).toBe('10.0.1.0/24');
      },
      testTimeout
    );

    it(
      'marks a killed node Down and restarts its task in the same slot on a live node',
      async () => {
        const cluster = await boot({ nodes: 3, seed: 5 });
        await cluster.waitConverged(converge);
        const lost = (await cluster.statuses()).get('node-3')!.tasks.find((t) => t.serviceName === 'web')!;
        await cluster.kill('node-3');
        await cluster.waitConverged(converge);
        const statuses = await cluster.statuses();
        expect([...statuses.keys()]).toEqual(['node-1', 'node-2']);
        expect((await cluster.swarmNodes.list()).find((n) => n.Description.Hostname === 'node-3')?.Status.State).toBe(
          'down'
        );
        const replacement = (await cluster.services.tasks('web')).find(
          (t) => t.Slot === lost.slot && t.DesiredState === 'running'
        );
        expect(replacement?.Status.State).toBe('running');
        expect(replacement?.ID).not.toBe(lost.taskId);
        const counts = spread(statuses, 'web');
        expect(counts['node-1']! + counts['node-2']!).toBe(3);
        for (const s of statuses.values()) expect(s.aliveMembers).toEqual(['node-1', 'node-2']);
      },
      testTimeout
    );

    it(
      'scales a service and drains a node through the leader',
      async () => {
        const cluster = await boot({ nodes: 3, seed: 3 });
        await cluster.waitConverged(converge);
        const scaled = await cluster.services.scale('web', 6);
        expect(scaled.Spec.Mode).toEqual({ Replicated: { Replicas: 6 } });
        await cluster.waitConverged(converge);
        expect(spread(await cluster.statuses(), 'web')).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
        const drained = await cluster.swarmNodes.setAvailability('node-2', 'drain');
        expect(drained.Spec.Availability).toBe('drain');
        await cluster.waitConverged(converge);
        expect(spread(await cluster.statuses(), 'web')).toEqual({ 'node-1': 3, 'node-2': 0, 'node-3': 3 });
        await cluster.services.scale('web', 2);
        await cluster.waitConverged(converge);
        const running = (await cluster.services.tasks('web')).filter((t) => t.Status.State === 'running');
        expect(running.map((t) => t.Slot).sort()).toEqual([1, 2]);
      },
      testTimeout
    );

    it(
      "gives standalone containers Docker's addresses on each node's own bridges",
      async () => {
        const cluster = await boot({ nodes: 2, seed: 1 });
        const a = await cluster.containers.run('node-2', { name: 'a', image: 'whoami' });
        const b = await cluster.containers.run('node-2', { name: 'b', image: 'sleep' });
        const c = await cluster.containers.run('node-1', { image: 'sleep' });
        // Each node is its own Docker host: both default bridges hand out 172.17.0.2 first.
        expect([a, b, c].map((x) => x.networks['bridge']?.ip)).toEqual(['172.17.0.2', '172.17.0.3', '172.17.0.2']);
        await cluster.containers.createNetwork('node-2', 'appnet', { subnet: '192.168.100.0/24' });
        const joined = await cluster.containers.connect('node-2', 'b', 'appnet', { ip: '192.168.100.10' });
        expect(joined.networks['appnet']?.ip).toBe('192.168.100.10');
        const placed = await cluster.containers.list();
        expect(placed.map((x) => `${x.node}/${x.name}`).sort()).toEqual(['node-1/' + c.name, 'node-2/a', 'node-2/b']);
        await cluster.containers.remove('node-2', 'a', { force: true });
        expect((await cluster.containers.list('node-2')).map((x) => x.name)).toEqual(['b']);
      },
      testTimeout
    );

    it(
      'fails with the same error class and code in every runtime',
      async () => {
        const cluster = await boot({ nodes: 2, seed: 1 });
        const missing = await rejectionOf(cluster.services.scale('nope', 1));
        expect(missing).toBeInstanceOf(SwarmError);
        expect(missing).toMatchObject({ code: 'SWARM_ERR_NOT_FOUND', type: { kind: 'service', ref: 'nope' } });
        await cluster.containers.run('node-2', { name: 'x', image: 'sleep' });
        const clash = await rejectionOf(cluster.containers.run('node-2', { name: 'x', image: 'sleep' }));
        expect(clash).toBeInstanceOf(ContainerError);
        expect(clash).toMatchObject({ code: 'CONTAINER_ERR_NAME_CONFLICT' });
        const nowhere = await rejectionOf(cluster.containers.run('node-9', { image: 'sleep' }));
        expect(nowhere).toBeInstanceOf(ClusterError);
        expect(nowhere).toMatchObject({ code: 'CLUSTER_ERR_NO_SUCH_NODE', type: { node: 'node-9' } });
      },
      testTimeout
    );

    it(
      'gives up on convergence with CLUSTER_ERR_NOT_CONVERGED naming what is missing',
      async () => {
        const cluster = await boot({ nodes: 2, seed: 1 });
        await cluster.waitConverged(converge);
        await cluster.services.create({ name: 'never', image: 'sleep', constraints: ['node.labels.zone==mars'] });
        const err = await rejectionOf(cluster.waitConverged({ timeoutMs: options.notConvergedTimeoutMs ?? 1000 }));
        expect(err).toBeInstanceOf(ClusterError);
        expect(err).toMatchObject({ code: 'CLUSTER_ERR_NOT_CONVERGED' });
        expect((err as ClusterError).type.pending).toContain('never: 0/1 running');
      },
      testTimeout
    );

    it(
      'stops once: afterwards every wait is refused with CLUSTER_ERR_STOPPED',
      async () => {
        const cluster = await boot({ nodes: 2, seed: 1 });
        await cluster.stop();
        await cluster.stop();
        expect(await rejectionOf(cluster.gaps())).toMatchObject({ code: 'CLUSTER_ERR_STOPPED' });
        expect(await rejectionOf(cluster.waitConverged())).toMatchObject({ code: 'CLUSTER_ERR_STOPPED' });
      },
      testTimeout
    );
  });
}
