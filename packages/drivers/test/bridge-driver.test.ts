import { describe, expect, it } from 'vitest';
import { Fabric } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { createDockerHost, DriverError } from '../src/index.js';

function setup() {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock });
  return { clock, fabric, host: createDockerHost(fabric, 'host') };
}

describe('BridgeDriver', () => {
  it("creates docker0 as the default bridge with 172.17.0.1/16 and Docker's rules", () => {
    const { host } = setup();
    expect(host.defaultBridge.bridge.name).toBe('docker0');
    expect(host.defaultBridge.pool.subnet).toBe('172.17.0.0/16');
    expect(host.ns.interface('docker0').addresses[0]).toMatchObject({ address: '172.17.0.1', prefixLength: 16 });
    expect(host.ns.netfilter.save()).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(host.ns.netfilter.save()).toContain('-A FORWARD -i docker0 -o docker0 -j ACCEPT');
  });

  it('refuses a second network of the same name and an unknown network, with codes', () => {
    const { fabric, host } = setup();
    expect(() => host.bridges.createNetwork('bridge')).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_NETWORK_EXISTS' })
    );
    expect(() => host.bridges.connect(fabric.createNamespace('c'), 'nope')).toThrow(DriverError);
  });

  it('refuses to publish a host port twice ("port is already allocated") and frees it on disconnect', () => {
    const { fabric, host } = setup();
    const a = host.bridges.connect(fabric.createNamespace('a'), 'bridge', {
      publish: [{ hostPort: 8080, containerPort: 80 }]
    });
    const b = fabric.createNamespace('b');
    expect(() => host.bridges.connect(b, 'bridge', { publish: [{ hostPort: 8080, containerPort: 80 }] })).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_PORT_ALLOCATED' })
    );
    // The refused container took no address.
    expect(host.ipam.inUse(host.defaultBridge.pool.id)).not.toContain('172.17.0.3');
    expect(host.ns.netfilter.save()).toContain('--to-destination 172.17.0.2:80');
    host.bridges.disconnect(a);
    expect(host.ns.netfilter.save()).not.toContain('--to-destination 172.17.0.2:80');
    const again = host.bridges.connect(b, 'bridge', { publish: [{ hostPort: 8080, containerPort: 80 }] });
    expect(again.ip).toBe('172.17.0.2');
  });

  it('removes a network with its bridge, rules and subnet, but not while containers are attached', () => {
    const { fabric, host } = setup();
    const net = host.bridges.createNetwork('mynet');
    expect(net.pool.subnet).toBe('172.18.0.0/16');
    const ep = host.bridges.connect(fabric.createNamespace('c'), 'mynet');
    expect(() => host.bridges.deleteNetwork('mynet')).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_NETWORK_IN_USE' })
    );
    host.bridges.disconnect(ep);
    host.bridges.deleteNetwork('mynet');
    expect(host.ns.allInterfaces().map((d) => d.name)).not.toContain(net.bridge.name);
    expect(host.ns.netfilter.save()).not.toContain(net.bridge.name);
    // The subnet is free again: the next network gets it.
    expect(host.bridges.createNetwork('other').pool.subnet).toBe('172.18.0.0/16');
  });
});

describe('BridgeDriver additions', () => {
  it('lists networks, names interfaces as asked, and leaves internal networks without masquerade or default route', () => {
    const { fabric, host } = setup();
    const net = host.bridges.createNetwork('private', { internal: true });
    expect(host.bridges.list().map((n) => n.name)).toEqual(['bridge', 'private']);
    expect(host.bridges.has('private')).toBe(true);
    expect(net.internal).toBe(true);
    const save = host.ns.netfilter.save();
    expect(save).not.toContain(`-A POSTROUTING -s ${net.pool.subnet} ! -o ${net.bridge.name} -j MASQUERADE`);
    expect(save).toContain(`-A DOCKER-ISOLATION-STAGE-1 ! -s ${net.pool.subnet} -o ${net.bridge.name} -j DROP`);
    const ns = fabric.createNamespace('c');
    const ep = host.bridges.connect(ns, 'private', { ifName: 'eth7' });
    expect(ep.ifName).toBe('eth7');
    expect(ns.routes.lookup('8.8.8.8')).toBeUndefined();
    host.bridges.disconnect(ep);
    host.bridges.deleteNetwork('private');
    expect(host.ns.netfilter.save()).not.toContain(`! -s ${net.pool.subnet}`);
  });

  it('says whether a host port is published', () => {
    const { fabric, host } = setup();
    host.bridges.connect(fabric.createNamespace('c'), 'bridge', { publish: [{ hostPort: 8080, containerPort: 80 }] });
    expect(host.bridges.isPortPublished(8080)).toBe(true);
    expect(host.bridges.isPortPublished(8080, 'udp')).toBe(false);
  });
});
