import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { NodeError } from '../src/errors.js';
import { generateJoinTokens } from '../src/join-token.js';
import { InProcessNode } from '../src/in-process-node.js';

function setup(names: string[]) {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock });
  const wire = new Wire('underlay');
  const net = new MemoryNetwork({ clock });
  const nodes = names.map(
    (name, i) =>
      new InProcessNode(
        { name, underlayIp: `192.168.99.${100 + i}` },
        { clock, fabric, wire, transport: net.createTransport(name), random: seededRandom(i + 1) }
      )
  );
  /** Ticks the clock until the promise settles (the control protocol needs delivery time). */
  async function settle<T>(p: Promise<T>): Promise<T> {
    let done = false;
    const tracked = p.finally(() => (done = true));
    tracked.catch(() => {});
    for (let i = 0; i < 100 && !done; i++) {
      clock.tick(5);
      for (let j = 0; j < 10; j++) await Promise.resolve();
    }
    return tracked;
  }
  return { clock, fabric, net, nodes, settle };
}

async function errorOf(p: Promise<unknown>): Promise<NodeError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(NodeError);
  return err as NodeError;
}

function addressesOf(ns: {
  allInterfaces(): { name: string; addresses: { address: string }[] }[];
}): Record<string, string[]> {
  return Object.fromEntries(
    ns
      .allInterfaces()
      .filter((i) => i.name !== 'lo')
      .map((i) => [i.name, i.addresses.map((a) => a.address)])
  );
}

describe('InProcessNode', () => {
  it('swarm init builds docker_gwbridge and ingress-sbox and registers the node as a ready manager', async () => {
    const { nodes, settle } = setup(['node-1']);
    const n1 = nodes[0]!;
    const tokens = await settle(n1.initSwarm());
    expect(tokens.worker).toMatch(/^SWMTKN-1-/);
    expect(n1.isLeader).toBe(true);
    expect(addressesOf(n1.host.ns)['docker_gwbridge']).toEqual(['172.18.0.1']);
    expect(addressesOf(n1.sandboxes.ingressSbox)).toEqual({ eth0: ['10.0.0.2'], eth1: ['172.18.0.2'] });
    const view = n1.manager.nodes()[0]!;
    expect(view.ID).toBe(n1.nodeId);
    expect([view.Spec.Role, view.Status.State]).toEqual(['manager', 'ready']);
  });

  it('refuses init twice, and manager access or gossip on a node outside the swarm', async () => {
    const { nodes, settle } = setup(['node-1', 'node-2']);
    await settle(nodes[0]!.initSwarm());
    expect((await errorOf(nodes[0]!.initSwarm())).code).toBe('NODE_ERR_ALREADY_IN_SWARM');
    expect(() => nodes[1]!.manager).toThrow(NodeError);
    expect(() => nodes[1]!.gossip).toThrow(expect.objectContaining({ code: 'NODE_ERR_NOT_IN_SWARM' }));
  });

  it('checks join tokens: malformed → NODE_ERR_INVALID_TOKEN, foreign → NODE_ERR_JOIN_REJECTED', async () => {
    const { nodes, settle } = setup(['node-1', 'node-2']);
    await settle(nodes[0]!.initSwarm());
    expect((await errorOf(nodes[1]!.joinSwarm('node-1', 'SWMTKN-1-nope'))).code).toBe('NODE_ERR_INVALID_TOKEN');
    const foreign = generateJoinTokens(seededRandom(99)).worker;
    expect((await errorOf(settle(nodes[1]!.joinSwarm('node-1', foreign)))).code).toBe('NODE_ERR_JOIN_REJECTED');
    expect(nodes[0]!.manager.nodes()).toHaveLength(1);
  });

  it('a join the leader never receives fails NODE_ERR_LEADER_UNREACHABLE, and succeeds once the leader is back', async () => {
    const { net, nodes, settle } = setup(['node-1', 'node-2']);
    const tokens = await settle(nodes[0]!.initSwarm());
    net.partition(['node-1'], ['node-2']);
    expect((await errorOf(settle(nodes[1]!.joinSwarm('node-1', tokens.worker)))).code).toBe(
      'NODE_ERR_LEADER_UNREACHABLE'
    );
    expect(nodes[0]!.manager.nodes()).toHaveLength(1);
    net.heal();
    await settle(nodes[1]!.joinSwarm('node-1', tokens.worker));
    expect(nodes[0]!.manager.nodes().map((n) => n.Description.Hostname)).toEqual(['node-1', 'node-2']);
  });

  it('a worker joins, gets ingress 10.0.0.3, and both see each other alive in gossip', async () => {
    const { clock, nodes, settle } = setup(['node-1', 'node-2']);
    const [n1, n2] = [nodes[0]!, nodes[1]!];
    const tokens = await settle(n1.initSwarm());
    await settle(n2.joinSwarm('node-1', tokens.worker));
    clock.tick(2_000);
    const roles = n1.manager.nodes().map((n) => [n.Description.Hostname, n.Spec.Role, n.Status.State]);
    expect(roles).toEqual([
      ['node-1', 'manager', 'ready'],
      ['node-2', 'worker', 'ready']
    ]);
    expect(addressesOf(n2.sandboxes.ingressSbox).eth0).toEqual(['10.0.0.3']);
    for (const n of [n1, n2])
      expect(
        n.gossip
          .members()
          .filter((m) => m.state === 'alive')
          .map((m) => m.node)
          .sort()
      ).toEqual(['node-1', 'node-2']);
  });

  it('runs assigned tasks through accepted → running, wired to the overlay and docker_gwbridge', async () => {
    const { clock, fabric, nodes, settle } = setup(['node-1', 'node-2']);
    const [n1, n2] = [nodes[0]!, nodes[1]!];
    await settle(n2.joinSwarm('node-1', (await settle(n1.initSwarm())).worker));
    n1.manager.createNetwork({ name: 'net1' });
    n1.manager.createService({ name: 'web', image: 'whoami', replicas: 2, networks: ['net1'] });
    clock.tick(100);
    const tasks = [...n1.tasks, ...n2.tasks];
    expect(tasks.map((t) => t.state)).toEqual(['running', 'running']);
    for (const t of tasks) {
      const stored = n1.manager.store.get('task', t.assignment.taskId)!;
      expect(stored.transitions.map((x) => x.state).slice(-5)).toEqual([
        'accepted',
        'preparing',
        'ready',
        'starting',
        'running'
      ]);
      expect(t.ns.name).toBe(`web.${t.assignment.slot}.${t.assignment.taskId}`);
      const addrs = addressesOf(t.ns);
      expect(addrs.eth0).toEqual(stored.networks[0]!.addresses.map((a) => a.split('/')[0]));
      expect(addrs.eth1![0]).toMatch(/^172\.18\.0\./);
    }
    n1.manager.scale('web', 0);
    clock.tick(100);
    expect([...n1.tasks, ...n2.tasks]).toEqual([]);
    expect(
      fabric
        .allNamespaces()
        .map((ns) => ns.name)
        .filter((n) => n.startsWith('web.'))
    ).toEqual([]);
    expect(n1.manager.tasks('web').map((t) => t.Status.State)).toEqual(['shutdown', 'shutdown']);
  });

  it('runs a task of an image no app simulates (Docker would pull it) as an idle container', async () => {
    const { clock, nodes, settle } = setup(['node-1']);
    await settle(nodes[0]!.initSwarm());
    nodes[0]!.manager.createService({ name: 'web', image: 'nginx:1.27', replicas: 1 });
    clock.tick(100);
    expect(nodes[0]!.manager.tasks('web')[0]!.Status.State).toBe('running');
    expect(nodes[0]!.tasks.map((t) => t.state)).toEqual(['running']);
  });

  it('reports a task that cannot start as rejected, with the reason in Status.Err', async () => {
    const { clock, nodes, settle } = setup(['node-1']);
    await settle(nodes[0]!.initSwarm());
    nodes[0]!.manager.createService({
      name: 'bad',
      image: 'whoami',
      env: ['WHOAMI_PORT_NUMBER=abc'],
      replicas: 1,
      restartPolicy: { condition: 'none' }
    });
    clock.tick(100);
    const [task] = nodes[0]!.manager.tasks('bad');
    expect(task!.Status).toMatchObject({ State: 'rejected', Message: 'rejected' });
    expect(task!.Status.Err).toContain('WHOAMI_PORT_NUMBER');
    expect(nodes[0]!.tasks).toEqual([]);
  });

  it('stop() leaves no timer on the clock once in-flight messages drained', async () => {
    const { clock, nodes, settle } = setup(['node-1', 'node-2']);
    await settle(nodes[1]!.joinSwarm('node-1', (await settle(nodes[0]!.initSwarm())).worker));
    await Promise.all(nodes.map((n) => n.stop()));
    clock.runAll(10_000);
    expect(clock.pendingTimers()).toBe(0);
  });
});
