import { describe, expect, it } from 'vitest';
import { addressesOf, engineHarness, pingOnce } from './helpers.js';

describe('ContainerEngine network modes', () => {
  it('host: no address of its own, the app listens in the root namespace', async () => {
    const { host, engine } = engineHarness();
    const c = await engine.run({ name: 'h', image: 'whoami', network: 'host' });
    expect(c.networkMode).toBe('host');
    expect(c.networks['host']!.ip).toBe('');
    expect(engine.namespace('h')).toBe(host.ns);
    expect(host.ns.tcp.listeners().map((l) => `${l.ip}:${l.port}`)).toContain('0.0.0.0:80');
    engine.stop('h');
    expect(host.ns.tcp.listeners()).toEqual([]);
    // The host namespace survives the container.
    expect(addressesOf(host.ns)['eth0']).toEqual(['192.168.99.100']);
  });

  it('none: its own namespace with loopback only', async () => {
    const { engine } = engineHarness();
    const c = await engine.run({ name: 'n', image: 'sleep', network: 'none' });
    expect(c.networkMode).toBe('none');
    const ns = engine.namespace('n');
    expect(ns.allInterfaces().map((i) => i.name)).toEqual(['lo']);
    expect(ns.routes.lookup('172.17.0.1')).toBeUndefined();
  });

  it("container:<x>: shares x's namespace and addresses; needs x running; takes no -p", async () => {
    const { engine } = engineHarness();
    const x = await engine.run({ name: 'x', image: 'sleep' });
    const y = await engine.run({ name: 'y', image: 'whoami', network: 'container:x' });
    expect(y.networkMode).toBe(`container:${x.id}`);
    expect(engine.namespace('y')).toBe(engine.namespace('x'));
    expect(addressesOf(engine.namespace('y'))).toEqual({ eth0: [x.networks['bridge']!.ip] });
    await expect(
      engine.run({ image: 'sleep', network: 'container:x', publish: [{ containerPort: 80 }] })
    ).rejects.toMatchObject({ code: 'CONTAINER_ERR_CONFLICT_PUBLISH' });
    engine.stop('x');
    expect(engine.inspect('y').state).toBe('exited');
    await expect(engine.run({ image: 'sleep', network: 'container:x' })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_NOT_RUNNING'
    });
    await expect(engine.start('y')).rejects.toMatchObject({ code: 'CONTAINER_ERR_NOT_RUNNING' });
  });

  it('connect adds eth1 with an address; disconnect releases it for the next container', async () => {
    const { clock, engine } = engineHarness();
    engine.createNetwork('backend');
    const peer = await engine.run({ name: 'peer', image: 'sleep', network: 'backend' });
    await engine.run({ name: 'c', image: 'sleep' });
    const connected = engine.connect('c', 'backend', { aliases: ['svc'] });
    expect(connected.networks['backend']).toMatchObject({ ip: '172.18.0.3', ifName: 'eth1', aliases: ['svc'] });
    expect(addressesOf(engine.namespace('c'))).toEqual({ eth0: ['172.17.0.2'], eth1: ['172.18.0.3'] });
    expect(await pingOnce(clock, engine.namespace('c'), peer.networks['backend']!.ip)).toBe(true);
    expect(() => engine.connect('c', 'backend')).toThrow(
      expect.objectContaining({ code: 'CONTAINER_ERR_ALREADY_CONNECTED' })
    );
    const after = engine.disconnect('c', 'backend');
    expect(after.networks['backend']).toBeUndefined();
    expect(addressesOf(engine.namespace('c'))).toEqual({ eth0: ['172.17.0.2'] });
    expect((await engine.run({ name: 'next', image: 'sleep', network: 'backend' })).networks['backend']!.ip).toBe(
      '172.18.0.3'
    );
    expect(() => engine.disconnect('c', 'backend')).toThrow(
      expect.objectContaining({ code: 'CONTAINER_ERR_NOT_CONNECTED' })
    );
  });

  it('interface numbers are not reused, and the default route moves when its network goes', async () => {
    const { engine } = engineHarness();
    engine.createNetwork('n1');
    await engine.run({ name: 'c', image: 'sleep', network: 'n1' });
    engine.connect('c', 'bridge');
    engine.disconnect('c', 'n1');
    expect(engine.namespace('c').routes.lookup('8.8.8.8')).toMatchObject({ dev: 'eth1', via: '172.17.0.1' });
    expect(engine.connect('c', 'n1').networks['n1']!.ifName).toBe('eth2');
  });

  it('refuses connect and disconnect for host, none and container: containers, and connecting to host or none', async () => {
    const { engine } = engineHarness();
    await engine.run({ name: 'h', image: 'sleep', network: 'host' });
    await engine.run({ name: 'n', image: 'sleep', network: 'none' });
    await engine.run({ name: 'b', image: 'sleep' });
    await engine.run({ name: 's', image: 'sleep', network: 'container:b' });
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return undefined;
    };
    expect(codeOf(() => engine.connect('h', 'bridge'))).toBe('CONTAINER_ERR_CONFLICT_SHARED_NETWORK');
    expect(codeOf(() => engine.disconnect('h', 'host'))).toBe('CONTAINER_ERR_CONFLICT_HOST_NETWORK');
    expect(codeOf(() => engine.connect('n', 'bridge'))).toBe('CONTAINER_ERR_CONFLICT_NO_NETWORK');
    expect(codeOf(() => engine.disconnect('n', 'none'))).toBe('CONTAINER_ERR_CONFLICT_NO_NETWORK');
    expect(codeOf(() => engine.connect('s', 'bridge'))).toBe('CONTAINER_ERR_CONFLICT_SHARED_NETWORK');
    expect(codeOf(() => engine.connect('b', 'host'))).toBe('CONTAINER_ERR_CONFLICT_HOST_NETWORK');
    expect(codeOf(() => engine.connect('b', 'none'))).toBe('CONTAINER_ERR_CONFLICT_NO_NETWORK');
    await expect(engine.run({ image: 'sleep', network: 'host', ip: '1.2.3.4' })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_IP_NOT_SUPPORTED'
    });
  });

  it('a stopped container can be connected; the endpoint appears at start', async () => {
    const { engine } = engineHarness();
    engine.createNetwork('later', { subnet: '10.10.0.0/24' });
    await engine.run({ name: 'c', image: 'sleep' });
    engine.stop('c');
    expect(engine.connect('c', 'later', { ip: '10.10.0.50' }).networks['later']!.ip).toBe('');
    const started = await engine.start('c');
    expect(started.networks['later']).toMatchObject({ ip: '10.10.0.50', ifName: 'eth1' });
  });
});
