import dnsPacket from 'dns-packet';
import { describe, it, expect } from 'vitest';
import { Cluster, ClusterError, type InProcessCluster } from '@swarmsim/cluster';
import { clusterBehaviourSuite } from '@swarmsim/cluster/behaviour-suite';
import { parseClusterConfig } from '@swarmsim/config';
import { cidrContains } from '@swarmsim/addr';
import { ManualClock } from '@swarmsim/clock';
import type { Namespace } from '@swarmsim/netmodel';
import { decodeEthernet, decodeIpv4, decodeUdp, decodeVxlan } from '@swarmsim/packet';

// The behaviour both runtimes share; virtual time, so convergence costs little real time.
await clusterBehaviourSuite('in-process', (options) => Cluster.start({ ...options, runtime: 'in-process' }));

/** Awaits `promise` while ticking virtual time 100 ms at a time (its steps chain through microtasks). */
async function ticking<T>(clock: ManualClock, promise: Promise<T>, maxMs = 60_000): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true)).catch(() => {});
  for (let spent = 0; !done && spent < maxMs; spent += 100) {
    clock.tick(100);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return promise;
}

/** A real DNS A query from `ns` to its embedded resolver at 127.0.0.11:53; undefined when nothing answered. */
async function queryA(clock: ManualClock, ns: Namespace, name: string): Promise<string[] | undefined> {
  const socket = ns.udp.bind();
  let reply: Uint8Array | undefined;
  socket.on('message', (data) => (reply = data));
  const query = {
    id: 7,
    type: 'query' as const,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'A' as const, name }]
  };
  socket.send(dnsPacket.encode(query), 53, '127.0.0.11');
  for (let i = 0; i < 20 && reply === undefined; i++) {
    clock.tick(10);
    await new Promise((resolve) => setImmediate(resolve));
  }
  socket.close();
  if (reply === undefined) return undefined;
  return (dnsPacket.decode(Buffer.from(reply)).answers ?? []).flatMap((a) => (a.type === 'A' ? [a.data] : []));
}

/** A namespace's address on `overnet` (10.0.1.0/24). */
function overnetAddress(ns: Namespace): string {
  const all = ns.allInterfaces().flatMap((i) => i.addresses.map((a) => a.address));
  const ip = all.find((a) => cidrContains('10.0.1.0/24', a));
  if (ip === undefined) throw new Error(`${ns.name} has no overnet address: ${all.join(', ')}`);
  return ip;
}

/** Running `web` tasks per node name. */
function spread(cluster: InProcessCluster): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of cluster.nodes)
    out[n.name] = n.tasks.filter((t) => t.assignment.serviceName === 'web' && t.state === 'running').length;
  return out;
}

describe('Cluster in-process (default 3-node spec, ManualClock)', () => {
  it('converges, survives a node crash, scales and stops cleanly', async () => {
    const clock = new ManualClock();
    const cluster = await Cluster.start({ nodes: 3, seed: 7 }, { clock });
    await cluster.waitConverged();

    expect(spread(cluster)).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
    // The same plain-data statuses as the worker runtime's.
    const statuses = await cluster.statuses();
    expect([...statuses.keys()]).toEqual(['node-1', 'node-2', 'node-3']);
    expect([...statuses.values()].map((s) => [s.leader, s.aliveMembers.length, s.tasks.map((t) => t.state)])).toEqual([
      [true, 3, ['running']],
      [false, 3, ['running']],
      [false, 3, ['running']]
    ]);
    const overnet = (await cluster.networks.list()).find((n) => n.Spec.Name === 'overnet')!;
    expect(overnet.IPAMOptions.Configs[0]!.Subnet).toBe('10.0.1.0/24');
    for (const node of cluster.nodes) {
      for (const task of node.tasks) {
        const addrs = task.ns.allInterfaces().flatMap((i) => i.addresses.map((a) => a.address));
        expect(addrs.some((a) => cidrContains('10.0.1.0/24', a))).toBe(true);
      }
      const alive = node.gossip
        .members()
        .filter((m) => m.state === 'alive')
        .map((m) => m.node)
        .sort();
      expect(alive).toEqual(['node-1', 'node-2', 'node-3']);
    }

    const victim = cluster.node('node-2');
    const lostSlot = victim.tasks[0]!.assignment.slot;
    const killedAt = clock.now();
    await cluster.kill('node-2');
    await cluster.waitConverged();
    const { heartbeatPeriodMs, downMultiplier, heartbeatEpsilonMs } = cluster.manager.dispatcherConfig;
    const nodeView = cluster.manager.nodes().find((n) => n.Description.Hostname === 'node-2')!;
    expect(nodeView.Status.State).toBe('down');
    expect(clock.now() - killedAt).toBeGreaterThanOrEqual((heartbeatPeriodMs - heartbeatEpsilonMs) * downMultiplier);
    const replacement = (await cluster.services.tasks('web')).find(
      (t) => t.Slot === lostSlot && t.DesiredState === 'running'
    )!;
    expect(replacement.Status.State).toBe('running');
    expect(replacement.NodeID).not.toBe(victim.nodeId);

    await cluster.services.scale('web', 6);
    await cluster.waitConverged();
    expect(spread(cluster)).toEqual({ 'node-1': 3, 'node-2': 0, 'node-3': 3 });

    await cluster.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('scales 3 → 6 as 2/2/2 on three live nodes', async () => {
    const clock = new ManualClock();
    const cluster = await Cluster.start({ nodes: 3, seed: 3 }, { clock });
    await cluster.waitConverged();
    await cluster.services.scale('web', 6);
    await cluster.waitConverged();
    expect(spread(cluster)).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
    await cluster.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('runs a global service once per node, keeps it in place when a node dies, and drains through the API', async () => {
    const cluster = await Cluster.start({ nodes: 4, seed: 9 });
    await cluster.services.create({ name: 'agent', image: 'sleep', mode: 'global' });
    await cluster.waitConverged();
    const perNode = (svc: string): Record<string, number> =>
      Object.fromEntries(
        cluster.nodes
          .filter((n) => !n.stopped)
          .map((n) => [n.name, n.tasks.filter((t) => t.assignment.serviceName === svc && t.state === 'running').length])
      );
    expect(perNode('agent')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1, 'node-4': 1 });
    const before = new Set(
      (await cluster.services.tasks('agent')).filter((t) => t.DesiredState === 'running').map((t) => t.ID)
    );

    await cluster.kill('node-4');
    await cluster.waitConverged();
    const after = (await cluster.services.tasks('agent')).filter((t) => t.DesiredState === 'running');
    // A global task is tied to its node: nothing is started elsewhere and the survivors keep their tasks.
    expect(after.every((t) => before.has(t.ID))).toBe(true);
    expect(perNode('agent')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });

    await cluster.services.scale('web', 6);
    await cluster.waitConverged();
    await cluster.swarmNodes.setAvailability('node-3', 'drain');
    await cluster.waitConverged();
    expect(perNode('web')).toEqual({ 'node-1': 3, 'node-2': 3, 'node-3': 0 });
    expect(perNode('agent')['node-3']).toBe(0);
    const drained = (await cluster.services.tasks('web')).filter(
      (t) => t.DesiredState === 'shutdown' && t.NodeID === cluster.node('node-3').nodeId
    );
    expect(drained.length).toBeGreaterThan(0);
    await cluster.stop();
  });

  it("creates the spec's bridge networks on every node and its containers on their node; containers run through the API", async () => {
    const yaml = [
      'nodes: [{ name: node-1, role: manager, leader: true }, { name: node-2, role: worker }, { name: node-3, role: worker, availability: drain }]',
      'networks: [{ name: appnet, driver: bridge, subnet: 192.168.100.0/24 }]',
      'containers:',
      '  - { name: db, node: node-2, image: sleep, networks: [appnet], ip: 192.168.100.10 }',
      '  - { name: web1, node: node-2, image: whoami, networks: [bridge, appnet] }',
      'services: [{ name: api, image: sleep, replicas: 4 }]'
    ].join('\n');
    const cluster = await Cluster.start({ spec: parseClusterConfig(yaml) });
    await cluster.waitConverged();
    // node-3 is drained by the spec: `docker node update --availability drain` before any service exists.
    expect((await cluster.swarmNodes.list()).map((n) => `${n.Description.Hostname}:${n.Spec.Availability}`)).toEqual([
      'node-1:active',
      'node-2:active',
      'node-3:drain'
    ]);
    expect(cluster.node('node-3').tasks).toEqual([]);
    expect(cluster.node('node-1').tasks.length + cluster.node('node-2').tasks.length).toBe(4);
    for (const node of ['node-1', 'node-2', 'node-3'])
      expect((await cluster.containers.networks(node)).map((n) => n.Name).sort()).toEqual([
        'appnet',
        'bridge',
        'docker_gwbridge',
        'host',
        'none'
      ]);
    const placed = await cluster.containers.list();
    expect(placed.map((c) => `${c.node}/${c.name}`).sort()).toEqual(['node-2/db', 'node-2/web1']);
    const web1 = placed.find((c) => c.name === 'web1')!;
    expect(web1.networks['bridge']!.ip).toBe('172.17.0.2');
    expect(web1.networks['appnet']!.ip).toBe('192.168.100.2');
    expect(placed.find((c) => c.name === 'db')!.networks['appnet']!.ip).toBe('192.168.100.10');

    // Each node is its own Docker host: node-1's default bridge starts at .2 too, in order.
    const a = await cluster.containers.run('node-1', { image: 'sleep' });
    const b = await cluster.containers.run('node-1', { image: 'sleep' });
    expect([a.networks['bridge']!.ip, b.networks['bridge']!.ip]).toEqual(['172.17.0.2', '172.17.0.3']);
    await expect(cluster.containers.run('node-1', { image: 'sleep', name: a.name })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_NAME_CONFLICT'
    });
    await cluster.stop();
  });

  it('refuses a spec container on an overlay (no overlay data plane yet) with CLUSTER_ERR_UNSUPPORTED', async () => {
    const yaml = [
      'nodes: [{ name: node-1, role: manager, leader: true }]',
      'networks: [{ name: overnet, driver: overlay, attachable: true }]',
      'containers: [{ name: c1, node: node-1, image: sleep }]'
    ].join('\n');
    // A config file says so at file:line:col (CONFIG_ERR_UNSUPPORTED); a spec built in code meets the boot check.
    const parsed = parseClusterConfig(yaml);
    const spec = { ...parsed, containers: parsed.containers.map((c) => ({ ...c, networks: ['overnet'] })) };
    await expect(Cluster.start({ spec })).rejects.toMatchObject({ code: 'CLUSTER_ERR_UNSUPPORTED' });
  });

  it("carries the underlay between nodes only over the transport's data channel", async () => {
    const cluster = await Cluster.start({ nodes: 3, seed: 2 });
    await cluster.waitConverged();
    const [n1, n2] = [cluster.node('node-1'), cluster.node('node-2')];
    const clock = cluster.clock as ManualClock;
    const node2 = n2.host.ns.interface('eth0').addresses[0]!.address;
    const across = await ticking(clock, n1.host.ns.icmp.ping(node2, { count: 2 }));
    expect(across.received).toBe(2);
    // No shared wire to fall back on: cut the data channel and node-2's eth0 is out of reach.
    cluster.network.partition('node-1', 'node-2', { channel: 'data' });
    expect((await ticking(clock, n1.host.ns.icmp.ping(node2, { count: 2 }))).received).toBe(0);
    // Control and gossip still flow: the swarm itself is unaffected.
    expect(await cluster.gaps()).toEqual([]);
    await cluster.stop();
  });

  it('carries task-to-task traffic across nodes over the overlay: VXLAN VNI 4097 on the underlay', async () => {
    const cluster = await Cluster.start({ nodes: 3, seed: 4 });
    await cluster.waitConverged();
    const clock = cluster.clock as ManualClock;
    const [t1, t2] = [cluster.node('node-1').tasks[0]!, cluster.node('node-2').tasks[0]!];
    // A task publishing a port sits on ingress first (eth0), then overnet (eth1), as in Docker.
    const target = overnetAddress(t2.ns);
    const frames: Uint8Array[] = [];
    cluster.node('node-1').host.ns.interface('eth0').tap = (frame, dir) => void (dir === 'tx' && frames.push(frame));
    const ping = await ticking(clock, t1.ns.icmp.ping(target, { count: 3 }));
    expect(ping.received).toBe(3);
    // The echo left node-1's eth0 as Ethernet/IPv4/UDP 4789/VXLAN(4097)/inner ICMP to the task's address.
    const vxlan = frames.flatMap((f) => {
      const eth = decodeEthernet(f);
      if (eth.etherType !== 0x0800) return [];
      const ip = decodeIpv4(eth.payload);
      if (ip.protocol !== 17) return [];
      const udp = decodeUdp(ip.payload, ip.src, ip.dst);
      return udp.dstPort === 4789 ? [{ ip, vx: decodeVxlan(udp.payload) }] : [];
    });
    expect(vxlan.length).toBeGreaterThanOrEqual(3);
    expect(vxlan[0]!.vx.vni).toBe(4097);
    expect(vxlan[0]!.ip.dst).toBe('192.168.99.101');
    const inner = decodeIpv4(decodeEthernet(vxlan[0]!.vx.payload).payload);
    expect([inner.dst, inner.protocol]).toEqual([target, 1]);
    await cluster.stop();
  });

  it("forgets a killed node's overlay endpoints on every other node", async () => {
    const cluster = await Cluster.start({ nodes: 3, seed: 4 });
    await cluster.waitConverged();
    const clock = cluster.clock as ManualClock;
    const peersOf = (node: string): string[] =>
      cluster
        .node(node)
        .host.overlays.network('overnet')
        .listPeers()
        .map((p) => p.vtep)
        .sort();
    expect(peersOf('node-1')).toEqual(['192.168.99.101', '192.168.99.102']);
    await cluster.kill('node-3');
    await cluster.waitConverged();
    // node-3's record vanished with it; its task's replacement on a live node was published instead.
    expect(peersOf('node-1')).not.toContain('192.168.99.102');
    const t1 = cluster.node('node-1').tasks[0]!;
    for (const n of ['node-1', 'node-2']) {
      for (const t of cluster.node(n).tasks) {
        if (t === t1) continue;
        expect((await ticking(clock, t1.ns.icmp.ping(overnetAddress(t.ns), { count: 1 }))).received).toBe(1);
      }
    }
    await cluster.stop();
  });

  it('answers service discovery in every task from the gossip endpoint_table: the VIP, tasks.<svc>, task names', async () => {
    const cluster = await Cluster.start({ nodes: 3, seed: 4 });
    await cluster.waitConverged();
    const clock = cluster.clock as ManualClock;
    const web = await cluster.services.inspect('web');
    const overnetId = (await cluster.networks.list()).find((n) => n.Spec.Name === 'overnet')!.ID;
    const vip = web.Endpoint.VirtualIPs.find((v) => v.NetworkID === overnetId)!.Addr.split('/')[0];
    const taskIps = cluster.nodes.flatMap((n) => n.tasks.map((t) => overnetAddress(t.ns))).sort();
    const t1 = cluster.node('node-1').tasks[0]!;
    // NetworkDB is eventually consistent; waitConverged waits until every node's DNS holds every task.
    expect((await queryA(clock, t1.ns, 'tasks.web'))?.sort()).toEqual(taskIps);
    expect(await queryA(clock, t1.ns, 'web')).toEqual([vip]);
    const t3 = cluster.node('node-3').tasks[0]!;
    expect(await queryA(clock, t1.ns, t3.ns.name)).toEqual([overnetAddress(t3.ns)]);
    expect(await queryA(clock, t1.ns, 'nope')).toEqual([]);
    await cluster.stop();
  });

  it('scopes service discovery to shared networks and answers a dnsrr service with its task IPs', async () => {
    const cluster = await Cluster.start({ nodes: 3, seed: 6 });
    const backend = await cluster.networks.create({ name: 'backend' });
    const subnet = backend.IPAMOptions.Configs[0]!.Subnet;
    await cluster.services.create({
      name: 'db',
      image: 'redis:7',
      replicas: 2,
      networks: ['backend'],
      endpointMode: 'dnsrr'
    });
    await cluster.services.create({ name: 'api', image: 'sleep', networks: ['backend', 'overnet'] });
    await cluster.waitConverged();
    const clock = cluster.clock as ManualClock;
    const tasksOf = (svc: string) =>
      cluster.nodes.flatMap((n) => n.tasks).filter((t) => t.assignment.serviceName === svc);
    const addressIn = (ns: Namespace, cidr: string): string =>
      ns
        .allInterfaces()
        .flatMap((i) => i.addresses.map((a) => a.address))
        .find((a) => cidrContains(cidr, a))!;
    const dbIps = tasksOf('db')
      .map((t) => addressIn(t.ns, subnet))
      .sort();
    const api = tasksOf('api')[0]!;
    // dnsrr: the service name answers every task's address, no VIP.
    expect((await queryA(clock, api.ns, 'db'))?.sort()).toEqual(dbIps);
    expect((await queryA(clock, api.ns, 'tasks.db'))?.sort()).toEqual(dbIps);
    // api shares overnet with web, so it resolves web too; web shares no network with db, so it cannot.
    expect(await queryA(clock, api.ns, 'web')).toHaveLength(1);
    const web = tasksOf('web')[0]!;
    expect(await queryA(clock, web.ns, 'db')).toEqual([]);
    expect(await queryA(clock, web.ns, 'tasks.db')).toEqual([]);
    await cluster.stop();
  });

  it('is deterministic for a seed', async () => {
    const run = async (): Promise<string[]> => {
      const cluster = await Cluster.start({ nodes: 3, seed: 11 });
      await cluster.waitConverged();
      const ids = (await cluster.services.tasks('web')).map((t) => `${t.ID}@${t.NodeID}`).sort();
      await cluster.stop();
      return ids;
    };
    expect(await run()).toEqual(await run());
  });

  it('refuses the worker runtime with an injected clock (CLUSTER_ERR_RUNTIME_UNAVAILABLE)', async () => {
    const err = await Cluster.start({ runtime: 'worker' }, { clock: new ManualClock() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe('CLUSTER_ERR_RUNTIME_UNAVAILABLE');
  });
});
