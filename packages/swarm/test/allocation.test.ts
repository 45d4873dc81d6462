import { describe, expect, it } from 'vitest';
import { SwarmError } from '../src/index.js';
import { addrOn, cluster } from './helpers.js';

describe('allocation order', () => {
  it('follows the FIDELITY worked example end to end', () => {
    const { manager, nodeIds } = cluster(3);
    const ingress = manager.ingress;
    expect([ingress.subnet, ingress.gateway, ingress.vni]).toEqual(['10.0.0.0/24', '10.0.0.1', 4096]);
    expect(nodeIds.map((id) => manager.store.get('node', id)!.attachments[ingress.id])).toEqual([
      '10.0.0.2/24',
      '10.0.0.3/24',
      '10.0.0.4/24'
    ]);
    const net1 = manager.createNetwork({ name: 'net1' });
    expect([net1.subnet, net1.gateway, net1.vni]).toEqual(['10.0.1.0/24', '10.0.1.1', 4097]);
    const web = manager.createService({
      name: 'web',
      image: 'nginx',
      replicas: 3,
      networks: ['net1'],
      ports: [{ targetPort: 80, publishedPort: 8080 }]
    });
    expect(manager.services()[0]!.Endpoint.VirtualIPs).toEqual([
      { NetworkID: ingress.id, Addr: '10.0.0.5/24' },
      { NetworkID: net1.id, Addr: '10.0.1.2/24' }
    ]);
    const tasks = manager.tasks(web.id);
    expect(tasks.map((t) => addrOn(t, ingress.id)).sort()).toEqual(['10.0.0.6/24', '10.0.0.7/24', '10.0.0.8/24']);
    expect(tasks.map((t) => addrOn(t, net1.id)).sort()).toEqual(['10.0.1.3/24', '10.0.1.4/24', '10.0.1.5/24']);
    // lb-net1: one address per node hosting a task, in assignment order.
    const order = tasks.map((t) => t.NodeID!).filter((id, i, all) => all.indexOf(id) === i);
    expect(order).toHaveLength(3);
    expect(order.map((id) => manager.store.get('node', id)!.attachments[net1.id])).toEqual([
      '10.0.1.6/24',
      '10.0.1.7/24',
      '10.0.1.8/24'
    ]);
  });

  it('gives a fresh overlay gateway .1, VIP .2, tasks .3–.5, then LB IPs on the nodes', () => {
    const { manager } = cluster(2);
    const net = manager.createNetwork({ name: 'backend' });
    manager.createService({ name: 'api', image: 'whoami', replicas: 3, networks: ['backend'] });
    expect(manager.services()[0]!.Endpoint.VirtualIPs).toEqual([{ NetworkID: net.id, Addr: '10.0.1.2/24' }]);
    const taskAddrs = manager.tasks('api').map((t) => addrOn(t, net.id));
    expect(taskAddrs).toEqual(['10.0.1.3/24', '10.0.1.4/24', '10.0.1.5/24']);
    const lbs = manager.nodes().map((n) => manager.store.get('node', n.ID)!.attachments[net.id]);
    expect(lbs).toEqual(['10.0.1.6/24', '10.0.1.7/24']);
    expect(manager.tasks('api').every((t) => t.NetworksAttachments.length === 1)).toBe(true);
  });

  it('starts tasks at .2 in dnsrr mode (no VIP)', () => {
    const { manager } = cluster(1);
    const net = manager.createNetwork({ name: 'rr' });
    manager.createService({ name: 'db', image: 'whoami', replicas: 2, networks: ['rr'], endpointMode: 'dnsrr' });
    expect(manager.services()[0]!.Endpoint.VirtualIPs).toEqual([]);
    expect(manager.tasks('db').map((t) => addrOn(t, net.id))).toEqual(['10.0.1.2/24', '10.0.1.3/24']);
  });

  it('hands a replaced task the next never-used address (serial)', () => {
    const { manager, agents, clock } = cluster(2);
    const net = manager.createNetwork({ name: 'n' });
    manager.createService({ name: 's', image: 'whoami', replicas: 1, networks: ['n'] });
    const first = manager.tasks('s')[0]!;
    expect(addrOn(first, net.id)).toBe('10.0.1.3/24'); // VIP .2, task .3, LB .4
    const agent = agents.find((a) => a.nodeId === first.NodeID)!;
    agent.exit(first.ID);
    clock.tick(5_000);
    const second = manager.tasks('s').find((t) => t.ID !== first.ID)!;
    expect(second.Slot).toBe(1);
    // .3 was freed when the first task died, but serial allocation moves on past the LB address.
    expect(addrOn(second, net.id)).toBe('10.0.1.5/24');
    expect(manager.store.get('task', first.ID)!.networks).toEqual([]);
  });

  it('allocates user overlay subnets first-fit and VNIs serially, never reusing a freed VNI early', () => {
    const { manager } = cluster(1);
    const a = manager.createNetwork({ name: 'a' });
    const b = manager.createNetwork({ name: 'b' });
    manager.removeNetwork('a');
    const c = manager.createNetwork({ name: 'c' });
    expect([a.subnet, b.subnet, c.subnet]).toEqual(['10.0.1.0/24', '10.0.2.0/24', '10.0.1.0/24']);
    expect([a.vni, b.vni, c.vni]).toEqual([4097, 4098, 4099]);
    expect(manager.networks().find((n) => n.Spec.Name === 'c')!.DriverState.Options).toEqual({
      'com.docker.network.driver.overlay.vxlanid_list': '4099'
    });
  });
});

describe('published ports', () => {
  it('auto-assigns from 30000 upward', () => {
    const { manager } = cluster(1);
    manager.createService({ name: 'a', image: 'whoami', ports: [{ targetPort: 80 }] });
    manager.createService({
      name: 'b',
      image: 'whoami',
      ports: [{ targetPort: 80 }, { targetPort: 81, protocol: 'udp' }]
    });
    const ports = manager.services().map((s) => s.Endpoint.Ports.map((p) => `${p.PublishedPort}/${p.Protocol}`));
    expect(ports).toEqual([['30000/tcp'], ['30001/tcp', '30000/udp']]);
  });

  it('rejects an ingress port already used by another service, with its name and id', () => {
    const { manager } = cluster(1);
    const web = manager.createService({
      name: 'web',
      image: 'whoami',
      ports: [{ targetPort: 80, publishedPort: 8080 }]
    });
    const err = catchErr(() =>
      manager.createService({ name: 'api', image: 'whoami', ports: [{ targetPort: 80, publishedPort: 8080 }] })
    );
    expect(err).toBeInstanceOf(SwarmError);
    expect(err.code).toBe('SWARM_ERR_PORT_IN_USE');
    expect(err.type).toMatchObject({ port: 8080, serviceName: 'web', serviceId: web.id });
    expect(manager.services().map((s) => s.Spec.Name)).toEqual(['web']);
    // The port frees with the service.
    manager.removeService('web');
    expect(
      manager.createService({ name: 'api', image: 'whoami', ports: [{ targetPort: 80, publishedPort: 8080 }] }).endpoint
        .ports[0]!.publishedPort
    ).toBe(8080);
  });

  it('lets host-mode ports repeat and keeps them off the ingress network', () => {
    const { manager } = cluster(1);
    for (const name of ['a', 'b']) {
      manager.createService({
        name,
        image: 'whoami',
        ports: [{ targetPort: 80, publishedPort: 8080, publishMode: 'host' }]
      });
    }
    expect(manager.services().every((s) => s.Endpoint.VirtualIPs.length === 0)).toBe(true);
  });

  it('rejects dnsrr with an ingress-published port', () => {
    const { manager } = cluster(1);
    const err = catchErr(() =>
      manager.createService({
        name: 'x',
        image: 'whoami',
        endpointMode: 'dnsrr',
        ports: [{ targetPort: 80, publishedPort: 80 }]
      })
    );
    expect(err.code).toBe('SWARM_ERR_DNSRR_INGRESS');
    expect(manager.services()).toEqual([]);
  });
});

function catchErr(fn: () => unknown): SwarmError {
  try {
    fn();
  } catch (err) {
    return err as SwarmError;
  }
  throw new Error('expected an error');
}

describe('service updates', () => {
  it('keep existing VIPs and add one for a newly attached network', () => {
    const { manager } = cluster(1);
    const a = manager.createNetwork({ name: 'a' });
    const b = manager.createNetwork({ name: 'b' });
    manager.createService({ name: 's', image: 'whoami', networks: ['a'] });
    manager.updateService('s', { name: 's', image: 'whoami', networks: ['a', 'b'] });
    expect(manager.services()[0]!.Endpoint.VirtualIPs).toEqual([
      { NetworkID: a.id, Addr: '10.0.1.2/24' },
      { NetworkID: b.id, Addr: '10.0.2.2/24' }
    ]);
    const live = manager.tasks('s').filter((t) => t.DesiredState === 'running');
    expect(live.map((t) => t.NetworksAttachments.map((n) => n.Addresses[0]))).toEqual([['10.0.1.5/24', '10.0.2.3/24']]);
  });
});
