import { createServer, type AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';
import { Cluster } from '@swarmsim/cluster';
import { clusterBehaviourSuite } from '@swarmsim/cluster/behaviour-suite';
import { waitFor } from '@swarmsim/testkit';

// The behaviour both runtimes share, on worker threads in real time (`local` preset: Down after 3 × 1 s).
await clusterBehaviourSuite('worker', (options) => Cluster.start({ ...options, runtime: 'worker' }), {
  convergeTimeoutMs: 20_000,
  notConvergedTimeoutMs: 1500,
  testTimeoutMs: 60_000
});

/** A TCP port nothing listens on at `host` right now (the OS picks it), for a `-p` that must not collide. */
async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Cluster with worker-thread nodes (real sockets)', () => {
  it('publishes a container port on the node’s own loopback address and leaves nothing behind', async () => {
    const baseline = process.getActiveResourcesInfo().length;
    const cluster = await Cluster.start({ nodes: 2, seed: 5, runtime: 'worker' });
    try {
      const host = new URL(cluster.node('node-2').url).hostname;
      const port = await freePort(host);
      // docker run -d --name hello -p <port>:80 whoami: a real listener on node-2's address reaches whoami inside.
      const hello = await cluster.containers.run('node-2', {
        name: 'hello',
        image: 'whoami',
        publish: [{ hostPort: port, containerPort: 80 }]
      });
      const body = await (await fetch(`http://${host}:${port}/`)).text();
      expect(body).toContain(`Hostname: ${hello.hostname}`);
      expect(body).toContain(`IP: ${hello.networks['bridge']!.ip}`);
      expect(
        await cluster.containers
          .run('node-2', { image: 'whoami', publish: [{ hostPort: port, containerPort: 80 }] })
          .catch((e: unknown) => e)
      ).toMatchObject({ name: 'ContainerError', code: 'CONTAINER_ERR_PORT_ALLOCATED' });
      await cluster.containers.remove('node-2', 'hello', { force: true });
      await expect(fetch(`http://${host}:${port}/`)).rejects.toThrow();
    } finally {
      await cluster.stop();
    }
    expect(cluster.nodes.every((n) => n.terminated)).toBe(true);
    await waitFor(() => process.getActiveResourcesInfo().length <= baseline, {
      timeoutMs: 5000,
      what: 'resources back to baseline'
    });
  });

  it('terminates a killed node’s thread', async () => {
    const cluster = await Cluster.start({ nodes: 2, seed: 5, runtime: 'worker' });
    try {
      await cluster.kill('node-2');
      expect(cluster.node('node-2').terminated).toBe(true);
      expect([...(await cluster.statuses()).keys()]).toEqual(['node-1']);
    } finally {
      await cluster.stop();
    }
  });
});
