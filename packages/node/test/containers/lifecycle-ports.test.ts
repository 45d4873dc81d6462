import { describe, expect, it } from 'vitest';
import type { ManualClock } from '@swarmsim/clock';
import type { Namespace } from '@swarmsim/netmodel';
import { outsideNamespace } from '../../src/containers/index.js';
import { engineHarness } from './helpers.js';

/** An HTTP GET over simulated TCP from `from` to `ip:port`; resolves the response text or the error code. */
async function httpGet(clock: ManualClock, from: Namespace, ip: string, port: number): Promise<string> {
  const src = from.interface('eth0').primaryAddress()!;
  const socket = from.tcp.connect(src, ip, port);
  let text = '';
  let error = '';
  socket.on('data', (d) => (text += new TextDecoder().decode(d)));
  socket.on('error', (e) => (error = e.code));
  socket.on('connect', () =>
    socket.write(new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
  );
  clock.tick(2000);
  return error === '' ? text : error;
}

describe('ContainerEngine lifecycle and published ports', () => {
  it('restart gives a new address when the old one was taken meanwhile', async () => {
    const { engine } = engineHarness();
    await engine.run({ name: 'a', image: 'sleep' });
    await engine.run({ name: 'b', image: 'sleep' });
    expect(engine.stop('a').networks['bridge']!.ip).toBe('');
    expect((await engine.run({ name: 'c', image: 'sleep' })).networks['bridge']!.ip).toBe('172.17.0.2');
    expect((await engine.start('a')).networks['bridge']!.ip).toBe('172.17.0.4');
    // Nothing took .4 in between: a restart lands on the lowest free address again.
    expect((await engine.restart('a')).networks['bridge']!.ip).toBe('172.17.0.4');
  });

  it('-p 80 takes ephemeral host ports 32768, then 32769; a stopped container gives its port back', async () => {
    const { engine } = engineHarness();
    const one = await engine.run({ name: 'one', image: 'whoami', publish: [{ containerPort: 80 }] });
    const two = await engine.run({ name: 'two', image: 'whoami', publish: [{ containerPort: 80 }] });
    expect(one.ports).toEqual([{ hostIp: '0.0.0.0', hostPort: 32768, containerPort: 80, protocol: 'tcp' }]);
    expect(two.ports[0]!.hostPort).toBe(32769);
    engine.stop('one');
    expect(engine.inspect('one').ports).toEqual([]);
    // Sequential after the last one handed out, not lowest-free (portallocator).
    expect((await engine.start('one')).ports[0]!.hostPort).toBe(32770);
  });

  it('refuses a host port that is already published, leaving the new container created', async () => {
    const { engine, host } = engineHarness();
    await engine.run({ name: 'web', image: 'whoami', publish: [{ hostPort: 8080, containerPort: 80 }] });
    await expect(
      engine.run({ name: 'web2', image: 'whoami', publish: [{ hostPort: 8080, containerPort: 80 }] })
    ).rejects.toMatchObject({
      code: 'CONTAINER_ERR_PORT_ALLOCATED',
      type: { port: 8080 }
    });
    expect(engine.inspect('web2')).toMatchObject({ state: 'created', ports: [] });
    // The refused container took no address.
    expect(host.ipam.inUse(host.defaultBridge.pool.id)).toEqual(['172.17.0.1', '172.17.0.2']);
    engine.remove('web', { force: true });
    expect((await engine.start('web2')).ports[0]!.hostPort).toBe(8080);
  });

  it("-p 8080:80 DNATs a connection to the node's eth0 into whoami, until the container is removed", async () => {
    const { clock, fabric, wire, host, engine } = engineHarness();
    const outside = outsideNamespace(fabric, wire, '192.168.99.1/24', 'node-1');
    const web = await engine.run({ name: 'web', image: 'whoami', publish: [{ hostPort: 8080, containerPort: 80 }] });
    const body = await httpGet(clock, outside, '192.168.99.100', 8080);
    expect(body).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(body).toContain(`Hostname: ${web.id.slice(0, 12)}`);
    expect(body).toContain('RemoteAddr: 192.168.99.1:');
    expect(host.ns.netfilter.conntrack.list()).toMatch(
      /tcp .*src=192\.168\.99\.1 dst=192\.168\.99\.100 sport=\d+ dport=8080 src=172\.17\.0\.2 dst=192\.168\.99\.1 sport=80/
    );
    engine.remove('web', { force: true });
    expect(host.ns.netfilter.save()).not.toContain('--dport 8080');
    expect(await httpGet(clock, outside, '192.168.99.100', 8080)).toBe('TCP_ERR_CONNECTION_REFUSED');
  });

  it('shutdown stops every container and refuses further requests', async () => {
    const { engine, fabric } = engineHarness();
    await engine.run({ name: 'a', image: 'whoami' });
    engine.shutdown();
    expect(engine.list({ all: true }).map((c) => c.state)).toEqual(['exited']);
    expect(fabric.allNamespaces().map((n) => n.name)).not.toContain('node-1:a');
    await expect(engine.run({ image: 'sleep' })).rejects.toMatchObject({ code: 'CONTAINER_ERR_ENGINE_STOPPED' });
  });
});
