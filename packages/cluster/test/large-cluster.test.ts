import { describe, expect, it } from 'vitest';
import { cidrContains } from '@swarmsim/addr';
import { Cluster } from '../src/cluster.js';

// Measured: ~16 s of real time under vitest on a shared 2-core machine (the joins are sequential and every
// node gossips during each of them): too close to the default 30 s test timeout when other work shares the cores.
const BOOT_TIMEOUT_MS = 180_000;

describe('a 300-node in-process cluster', () => {
  it(
    'boots with every node joined and Ready on unique addresses of the grown underlay, and converges',
    async () => {
      const cluster = await Cluster.start({ nodes: 300 });
      try {
        const nodes = cluster.manager.nodes();
        expect(nodes).toHaveLength(300);
        expect(nodes.every((n) => n.Status.State === 'ready')).toBe(true);
        const addrs = nodes.map((n) => n.Status.Addr);
        expect(new Set(addrs).size).toBe(300);
        // Past 155 nodes the default /24 grows to the /21 around 192.168.99.100 (docs/config.md).
        expect(addrs.every((a) => cidrContains('192.168.96.0/21', a))).toBe(true);
        expect(cluster.spec.nodes.map((n) => n.underlayIp).slice(154, 157)).toEqual([
          '192.168.99.254',
          '192.168.99.255',
          '192.168.100.0'
        ]);
        expect(new Set(cluster.spec.nodes.map((n) => n.hostAddress)).size).toBe(300);
        // node-157's eth0 has the /21 mask, so it is on-link with node-1 in another /24.
        const eth0 = cluster
          .node('node-157')
          .host.ns.allInterfaces()
          .find((i) => i.name === 'eth0')!;
        expect(eth0.addresses.map((a) => `${a.address}/${a.prefixLength}`)).toEqual(['192.168.100.0/21']);
        // No options on purpose: waitConverged's options are being reworked elsewhere; the default bound is used.
        await cluster.waitConverged();
      } finally {
        await cluster.stop();
      }
    },
    BOOT_TIMEOUT_MS
  );
});
