import { describe, expect, it } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { InProcessNode } from '../../src/in-process-node.js';
import { addressesOf, engineHarness, pingOnce, queryA } from './helpers.js';

const SUBNET = { subnet: '192.168.100.0/24', gateway: '192.168.100.254', ipRange: '192.168.100.128/25' };

describe('ContainerEngine on user-defined bridges', () => {
  it('honours --subnet/--gateway/--ip-range and --ip', async () => {
    const { host, engine } = engineHarness();
    const net = engine.createNetwork('mynet', SUBNET);
    expect(net.IPAM.Config).toEqual([
      { Subnet: '192.168.100.0/24', Gateway: '192.168.100.254', IPRange: '192.168.100.128/25' }
    ]);
    const bridgeName = `br-${net.Id.slice(0, 12)}`;
    expect(addressesOf(host.ns)[bridgeName]).toEqual(['192.168.100.254']);
    const first = await engine.run({ name: 'first', image: 'sleep', network: 'mynet' });
    const fixed = await engine.run({ name: 'fixed', image: 'sleep', network: 'mynet', ip: '192.168.100.10' });
    const second = await engine.run({ name: 'second', image: 'sleep', network: 'mynet' });
    expect([first, fixed, second].map((c) => c.networks['mynet']!.ip)).toEqual([
      '192.168.100.128',
      '192.168.100.10',
      '192.168.100.129'
    ]);
    expect(fixed.networks['mynet']!.gateway).toBe('192.168.100.254');
    expect(engine.network('mynet').Containers[fixed.id]).toEqual({
      Name: 'fixed',
      IPv4Address: '192.168.100.10/24',
      MacAddress: '02:42:c0:a8:64:0a'
    });
  });

  it('resolves names, aliases and short ids through 127.0.0.11 on the same network only', async () => {
    const { clock, engine } = engineHarness();
    engine.createNetwork('mynet', SUBNET);
    engine.createNetwork('other');
    const db = await engine.run({ name: 'db', image: 'sleep', network: 'mynet', aliases: ['database'] });
    await engine.run({ name: 'app', image: 'sleep', network: 'mynet' });
    const stranger = await engine.run({ name: 'stranger', image: 'sleep', network: 'other' });
    const app = engine.namespace('app');
    const ip = db.networks['mynet']!.ip;
    expect(await queryA(clock, app, 'db')).toEqual([ip]);
    expect(await queryA(clock, app, 'database')).toEqual([ip]);
    expect(await queryA(clock, app, db.id.slice(0, 12))).toEqual([ip]);
    // Another network's container is not visible: the resolver answers (SERVFAIL, no upstreams), without records.
    expect(stranger.networks['other']!.ip).toBe('172.18.0.2');
    expect(await queryA(clock, app, 'stranger')).toEqual([]);
    expect(await queryA(clock, engine.namespace('stranger'), 'db')).toEqual([]);
    // Stopped containers leave DNS.
    engine.stop('db');
    expect(await queryA(clock, app, 'db')).toEqual([]);
  });

  it('isolates user bridges from each other while each reaches its own peers', async () => {
    const { clock, engine } = engineHarness();
    engine.createNetwork('a');
    engine.createNetwork('b');
    const a1 = await engine.run({ name: 'a1', image: 'sleep', network: 'a' });
    const a2 = await engine.run({ name: 'a2', image: 'sleep', network: 'a' });
    const b1 = await engine.run({ name: 'b1', image: 'sleep', network: 'b' });
    expect(a1.networks['a']!.ip).toBe('172.18.0.2');
    expect(b1.networks['b']!.ip).toBe('172.19.0.2');
    expect(await pingOnce(clock, engine.namespace('a1'), a2.networks['a']!.ip)).toBe(true);
    expect(await pingOnce(clock, engine.namespace('a1'), b1.networks['b']!.ip)).toBe(false);
  });

  it('refuses --ip on a network without a configured subnet', async () => {
    const { engine } = engineHarness();
    engine.createNetwork('plain');
    await expect(engine.run({ image: 'sleep', network: 'plain', ip: '172.18.0.9' })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_IP_NOT_SUPPORTED'
    });
  });

  it('lists networks Docker-shaped and removes one only when no endpoint is left', async () => {
    const { engine } = engineHarness();
    expect(engine.networks().map((n) => [n.Name, n.Driver, n.Scope])).toEqual([
      ['bridge', 'bridge', 'local'],
      ['host', 'host', 'local'],
      ['none', 'null', 'local']
    ]);
    const net = engine.createNetwork('mynet');
    expect(() => engine.createNetwork('mynet')).toThrow(
      expect.objectContaining({ code: 'CONTAINER_ERR_NETWORK_EXISTS' })
    );
    await engine.run({ name: 'c', image: 'sleep', network: 'mynet' });
    let err: unknown;
    try {
      engine.removeNetwork('mynet');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'CONTAINER_ERR_NETWORK_IN_USE', type: { network: 'mynet' } });
    expect((err as Error).message).toContain(net.Id);
    expect(() => engine.removeNetwork('bridge')).toThrow(
      expect.objectContaining({ code: 'CONTAINER_ERR_PREDEFINED_NETWORK' })
    );
    engine.remove('c', { force: true });
    engine.removeNetwork(net.Id.slice(0, 12));
    expect(engine.networks().map((n) => n.Name)).not.toContain('mynet');
    expect(() => engine.network('mynet')).toThrow(expect.objectContaining({ code: 'CONTAINER_ERR_NO_SUCH_NETWORK' }));
  });

  it('an --internal network gets no masquerade and no default route', async () => {
    const { host, engine } = engineHarness();
    const net = engine.createNetwork('private', { internal: true });
    expect(net.Internal).toBe(true);
    await engine.run({ name: 'c', image: 'sleep', network: 'private' });
    expect(engine.namespace('c').routes.lookup('8.8.8.8')).toBeUndefined();
    expect(host.ns.netfilter.save()).not.toContain(
      `-A POSTROUTING -s ${net.IPAM.Config[0]!.Subnet} ! -o br-${net.Id.slice(0, 12)} -j MASQUERADE`
    );
  });

  it('on a swarm node a network without --subnet gets 172.19.0.0/16 (docker0 .17, docker_gwbridge .18)', async () => {
    const clock = new ManualClock();
    const fabric = new Fabric({ clock });
    const transport = new MemoryNetwork({ clock }).createTransport('node-1');
    const node = new InProcessNode(
      { name: 'node-1', underlayIp: '192.168.99.100' },
      { clock, fabric, wire: new Wire('underlay'), transport, random: seededRandom(1) }
    );
    const init = node.initSwarm();
    for (let i = 0; i < 20; i++) {
      clock.tick(5);
      await Promise.resolve();
    }
    await init;
    const net = node.containers.createNetwork('mynet');
    expect(net.IPAM.Config[0]).toEqual({ Subnet: '172.19.0.0/16', Gateway: '172.19.0.1' });
    expect(node.containers.networks().map((n) => n.Name)).toEqual([
      'bridge',
      'host',
      'none',
      'docker_gwbridge',
      'mynet'
    ]);
    const c = await node.containers.run({ image: 'whoami', network: 'mynet' });
    expect(c.networks['mynet']!.ip).toBe('172.19.0.2');
    await node.stop();
  });
});

describe('ContainerEngine with a network gone while stopped', () => {
  it('fails the start with CONTAINER_ERR_NO_SUCH_NETWORK, even when a network of the same name is back', async () => {
    const { engine } = engineHarness();
    engine.createNetwork('temp');
    await engine.run({ name: 'c', image: 'sleep', network: 'temp' });
    engine.stop('c');
    engine.removeNetwork('temp');
    await expect(engine.start('c')).rejects.toMatchObject({ code: 'CONTAINER_ERR_NO_SUCH_NETWORK' });
    engine.createNetwork('temp');
    await expect(engine.start('c')).rejects.toMatchObject({ code: 'CONTAINER_ERR_NO_SUCH_NETWORK' });
    expect(engine.inspect('c').state).toBe('exited');
  });
});
