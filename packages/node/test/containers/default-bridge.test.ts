import { describe, expect, it } from 'vitest';
import { ContainerError } from '../../src/containers/index.js';
import { addressesOf, engineHarness, pingOnce, queryA } from './helpers.js';

describe('ContainerEngine on the default bridge', () => {
  it("gives containers 172.17.0.2, .3, .4 in order and reuses a removed one's address", async () => {
    const { engine } = engineHarness();
    const ips: string[] = [];
    for (const name of ['a', 'b', 'c']) ips.push((await engine.run({ name, image: 'sleep' })).networks['bridge']!.ip);
    expect(ips).toEqual(['172.17.0.2', '172.17.0.3', '172.17.0.4']);
    engine.remove('b', { force: true });
    const d = await engine.run({ name: 'd', image: 'alpine' });
    expect(d.networks['bridge']).toMatchObject({
      ip: '172.17.0.3',
      mac: '02:42:ac:11:00:03',
      gateway: '172.17.0.1',
      ifName: 'eth0'
    });
    expect(addressesOf(engine.namespace('d'))).toEqual({ eth0: ['172.17.0.3'] });
  });

  it('lets containers ping each other by IP, but a name query gets no answer (no embedded DNS)', async () => {
    const { clock, engine } = engineHarness();
    const a = await engine.run({ name: 'a', image: 'sleep' });
    const b = await engine.run({ name: 'b', image: 'sleep' });
    expect(await pingOnce(clock, engine.namespace('a'), b.networks['bridge']!.ip)).toBe(true);
    expect(await pingOnce(clock, engine.namespace('b'), a.networks['bridge']!.ip)).toBe(true);
    expect(await queryA(clock, engine.namespace('a'), 'b')).toBeUndefined();
  });

  it('ids are 64 hex, names are generated and unique, and the hostname is the short id', async () => {
    const { engine } = engineHarness();
    const views = await Promise.all([1, 2, 3].map(() => engine.run({ image: 'sleep' })));
    for (const v of views) {
      expect(v.id).toMatch(/^[0-9a-f]{64}$/);
      expect(v.name).toMatch(/^[a-z]+_[a-z]+\d*$/);
      expect(v.hostname).toBe(v.id.slice(0, 12));
      expect(engine.inspect(v.id.slice(0, 12)).name).toBe(v.name);
    }
    expect(new Set(views.map((v) => v.name)).size).toBe(3);
  });

  it('is deterministic: the same seed gives the same ids and names', async () => {
    const one = await engineHarness(5).engine.run({ image: 'sleep' });
    const two = await engineHarness(5).engine.run({ image: 'sleep' });
    expect([two.id, two.name]).toEqual([one.id, one.name]);
  });

  it('runs an image no app simulates (Docker would pull it) as an idle container', async () => {
    const { engine } = engineHarness();
    const c = await engine.run({ name: 'web', image: 'nginx:1.27' });
    expect(engine.inspect('web')).toMatchObject({ id: c.id, state: 'running' });
  });

  it('refuses an invalid image reference, a taken name and removing a running container, with codes', async () => {
    const { engine } = engineHarness();
    await expect(engine.run({ image: 'Not A Reference' })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_INVALID_REFERENCE'
    });
    expect(engine.list({ all: true })).toEqual([]);
    await engine.run({ name: 'web', image: 'whoami' });
    await expect(engine.run({ name: 'web', image: 'sleep' })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_NAME_CONFLICT'
    });
    expect(() => engine.remove('web')).toThrow(expect.objectContaining({ code: 'CONTAINER_ERR_IS_RUNNING' }));
    expect(() => engine.inspect('nope')).toThrow(ContainerError);
  });

  it('refuses --ip and --network-alias on the default bridge', async () => {
    const { engine } = engineHarness();
    await expect(engine.run({ image: 'sleep', ip: '172.17.0.50' })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_IP_NOT_SUPPORTED'
    });
    await expect(engine.run({ image: 'sleep', aliases: ['x'] })).rejects.toMatchObject({
      code: 'CONTAINER_ERR_ALIAS_NOT_SUPPORTED'
    });
  });

  it('ps lists running containers, ps -a the stopped ones too', async () => {
    const { engine } = engineHarness();
    await engine.run({ name: 'a', image: 'sleep' });
    await engine.run({ name: 'b', image: 'sleep' });
    engine.stop('a');
    expect(engine.list().map((c) => c.name)).toEqual(['b']);
    expect(engine.list({ all: true }).map((c) => [c.name, c.state])).toEqual([
      ['a', 'exited'],
      ['b', 'running']
    ]);
    expect(engine.inspect('a').networks['bridge']!.ip).toBe('');
  });
});
