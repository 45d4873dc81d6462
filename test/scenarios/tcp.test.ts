import { describe, expect, it } from 'vitest';
import type { TcpSocket } from '@swarmsim/netmodel';
import { TestLan } from '../helpers/test-lan.js';

/** Collects everything a socket receives until it ends. */
function collect(socket: TcpSocket): { bytes: () => Uint8Array; ended: () => boolean } {
  const chunks: Uint8Array[] = [];
  let ended = false;
  socket.on('data', (d) => chunks.push(d));
  socket.on('end', () => {
    ended = true;
  });
  return {
    bytes: () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.length;
      }
      return out;
    },
    ended: () => ended
  };
}

function pattern(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('TCP through a Docker host', () => {
  it('carries a connection both ways through -p 8080:80 (DNAT from eth0:8080 to 172.17.0.2:80)', () => {
    const h = new TestLan();
    const web = h.run('web', { publish: [{ hostPort: 8080, containerPort: 80 }] });
    let peer = '';
    web.ns.tcp.listen('0.0.0.0', 80, (conn) => {
      peer = `${conn.remoteIp}`;
      conn.on('data', (d) => conn.write(d));
      conn.on('end', () => conn.end());
    });
    const client = h.internet.tcp.connect('192.168.99.1', '192.168.99.100', 8080);
    const got = collect(client);
    const request = pattern(5000, 1);
    client.on('connect', () => {
      client.write(request);
      client.end();
    });
    h.clock.tick(1000);
    expect(client.remotePort).toBe(8080);
    expect(peer).toBe('192.168.99.1');
    expect(got.bytes()).toEqual(request);
    expect(got.ended()).toBe(true);
    // The nat rule saw only the first packet of the flow; conntrack translated the rest.
    expect(h.host.netfilter.list('nat', { chain: 'DOCKER', verbose: true, numeric: true })).toMatch(
      /^\s+1\s+\d+ DNAT\s+tcp/m
    );
  });

  it('retransmits over a lossy link and still delivers the stream intact', () => {
    const h = new TestLan();
    const a = h.run('a');
    const b = h.run('b');
    // tc qdisc add dev eth0 root netem loss 20% — on both ends of the path.
    a.ns.interface('eth0').netem = { loss: 0.2, delayMs: 1 };
    b.ns.interface('eth0').netem = { loss: 0.2, delayMs: 1 };
    let received: ReturnType<typeof collect> | undefined;
    b.ns.tcp.listen('0.0.0.0', 5001, (conn) => {
      received = collect(conn);
    });
    const data = pattern(100_000, 9);
    const client = a.ns.tcp.connect(a.ip, b.ip, 5001);
    client.on('connect', () => {
      client.write(data);
      client.end();
    });
    h.clock.tick(600_000);
    expect(received).toBeDefined();
    expect(received!.bytes().length).toBe(data.length);
    expect(received!.bytes()).toEqual(data);
    expect(received!.ended()).toBe(true);
    expect(client.stats.retransmits).toBeGreaterThan(0);
  });
});
