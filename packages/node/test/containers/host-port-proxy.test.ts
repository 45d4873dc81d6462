import { get } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { realClock } from '@swarmsim/clock';
import { waitFor } from '@swarmsim/testkit';
import { InProcessNode } from '../../src/in-process-node.js';

const PREFERRED = '127.0.1.213';

/** Listens on `address:port`; rejects when that cannot be bound. */
function listen(server: Server, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve());
  });
}

/** 127.0.1.x where the OS routes all of 127/8 to loopback (Linux), else 127.0.0.1. */
async function loopbackAddress(): Promise<string> {
  const probe = createServer();
  try {
    await listen(probe, 0, PREFERRED);
    return PREFERRED;
  } catch {
    return '127.0.0.1';
  } finally {
    probe.close();
  }
}

/** A real HTTP GET without keep-alive: resolves status and body. */
function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Resolves the error code of a real TCP connect (`ECONNREFUSED`), or 'connected'. */
function tryConnect(port: number, host: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, host);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

const nodes: InProcessNode[] = [];
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.stop()));
});

function realNode(publishAddress: string): InProcessNode {
  const fabric = new Fabric({ clock: realClock });
  const transport = new MemoryNetwork({ clock: realClock }).createTransport('node-1');
  const node = new InProcessNode(
    { name: 'node-1', underlayIp: '192.168.99.100', publishAddress },
    { clock: realClock, fabric, wire: new Wire('underlay'), transport }
  );
  nodes.push(node);
  return node;
}

describe('HostPortProxy (real ports)', () => {
  it('-p 8080:80 on whoami answers a real HTTP GET through the simulated DNAT, and closes on remove', async () => {
    const address = await loopbackAddress();
    const node = realNode(address);
    const web = await node.containers.run({
      name: 'web',
      image: 'whoami',
      publish: [{ hostPort: 8080, containerPort: 80 }]
    });
    const res = await httpGet(`http://${address}:8080/hello`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`Hostname: ${web.id.slice(0, 12)}`);
    expect(res.body).toContain('IP: 172.17.0.2');
    expect(res.body).toContain('GET /hello HTTP/1.1');
    expect(node.host.ns.netfilter.conntrack.list()).toMatch(
      /dport=8080 src=172\.17\.0\.2 dst=192\.168\.99\.1 sport=80/
    );
    node.containers.remove('web', { force: true });
    expect(
      await waitFor(async () => (await tryConnect(8080, address)) === 'ECONNREFUSED', { what: 'port 8080 closed' })
    ).toBe(true);
  });

  it('-p 80 listens on the ephemeral port, and stopping the node closes every listener', async () => {
    const address = await loopbackAddress();
    const node = realNode(address);
    const c = await node.containers.run({ image: 'whoami', publish: [{ containerPort: 80 }] });
    const port = c.ports[0]!.hostPort;
    expect(port).toBe(32768);
    expect((await httpGet(`http://${address}:${port}/`)).body).toContain(`Hostname: ${c.hostname}`);
    await node.stop();
    expect(await tryConnect(port, address)).toBe('ECONNREFUSED');
  });

  it('a refused simulated connection (no listener in the container) closes the real socket', async () => {
    const address = await loopbackAddress();
    const node = realNode(address);
    const c = await node.containers.run({ image: 'sleep', publish: [{ containerPort: 80 }] });
    const outcome = await new Promise<{ data: number; closed: boolean }>((resolve) => {
      const s = connect(c.ports[0]!.hostPort, address);
      let data = 0;
      s.on('data', (d) => (data += d.length));
      s.on('error', () => {});
      s.on('close', () => resolve({ data, closed: true }));
    });
    expect(outcome).toEqual({ data: 0, closed: true });
  });

  it('a real port taken by another process fails the start with CONTAINER_ERR_BIND_FAILED and frees everything', async () => {
    const address = await loopbackAddress();
    const blocker = createServer();
    await listen(blocker, 0, address);
    const port = (blocker.address() as { port: number }).port;
    const node = realNode(address);
    try {
      await expect(
        node.containers.run({ name: 'web', image: 'whoami', publish: [{ hostPort: port, containerPort: 80 }] })
      ).rejects.toMatchObject({
        code: 'CONTAINER_ERR_BIND_FAILED',
        type: { port }
      });
      expect(node.containers.inspect('web')).toMatchObject({ state: 'created', ports: [] });
      expect(node.host.ns.netfilter.save()).not.toContain(`--dport ${port}`);
    } finally {
      blocker.close();
    }
    // Once the port is free again, the same container starts and serves on it.
    await node.containers.start('web');
    expect((await httpGet(`http://${address}:${port}/`)).status).toBe(200);
  });
});
