import { describe, expect, it } from 'vitest';
import { TcpError, TcpLayer, type TcpSocket } from '../../src/tcp/index.js';
import { A, B, TestNet, firstDifference, payload, record, seededRandom } from './harness.js';

/** A connected pair: `client` on A, `server` on B (port 80). */
function connected(net = new TestNet()) {
  let server: TcpSocket | undefined;
  net.b.listen('0.0.0.0', 80, (s) => (server = s));
  const client = net.a.connect(A, B, 80);
  const recClient = record(client);
  net.clock.tick(20);
  const recServer = record(server!);
  return { net, client, server: server!, recClient, recServer };
}

/** Error code a call throws, or 'ok'. */
function codeOf(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof TcpError ? err.code : 'other';
  }
}

describe('TCP close', () => {
  it('closes gracefully: FIN both ways, TIME_WAIT on the active closer, then no timers left', () => {
    const { net, client, server, recClient, recServer } = connected();
    const states: string[] = [];
    client.end();
    states.push(client.state);
    net.clock.tick(5); // our FIN reached B, its ACK is on the way
    states.push(server.state);
    net.clock.tick(5); // the ACK is back
    states.push(client.state);
    server.end();
    states.push(server.state);
    net.clock.tick(5); // B's FIN arrived
    states.push(client.state);
    net.clock.tick(5); // our ACK arrived
    states.push(server.state);
    expect(states).toEqual(['FIN_WAIT_1', 'CLOSE_WAIT', 'FIN_WAIT_2', 'LAST_ACK', 'TIME_WAIT', 'CLOSED']);
    expect(recClient.events).toEqual(['connect', 'end', 'close:false']);
    expect(recServer.events).toEqual(['end', 'close:false']);
    expect(net.a.connections()).toEqual([client]);
    net.clock.tick(60_000 - 6); // TIME_WAIT began 5 ms ago
    expect(client.state).toBe('TIME_WAIT');
    net.clock.tick(1);
    expect(client.state).toBe('CLOSED');
    expect([net.a.connections(), net.b.connections()]).toEqual([[], []]);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('supports half-close: A ends, B keeps writing, A still receives everything', () => {
    const { net, client, server, recClient } = connected();
    const reply = payload(50_000, 4);
    client.write(new TextEncoder().encode('GET'));
    client.end();
    server.on('end', () => {
      server.write(reply.subarray(0, 20_000));
      net.clock.setTimeout(() => {
        server.write(reply.subarray(20_000));
        server.end();
      }, 500);
    });
    net.clock.tick(300);
    expect([client.state, server.state]).toEqual(['FIN_WAIT_2', 'CLOSE_WAIT']);
    expect(recClient.bytes().length).toBe(20_000);
    net.clock.runAll();
    expect(firstDifference(recClient.bytes(), reply)).toBe(-1);
    expect(recClient.events.slice(-2)).toEqual(['end', 'close:false']);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('handles a simultaneous close: both sides go through CLOSING to TIME_WAIT', () => {
    const { net, client, server } = connected();
    client.end();
    server.end();
    const seen = new Set<string>();
    for (let t = 0; t < 20; t++) {
      net.clock.tick(1);
      seen.add(`${client.state}/${server.state}`);
    }
    expect(seen.has('CLOSING/CLOSING')).toBe(true);
    expect([client.state, server.state]).toEqual(['TIME_WAIT', 'TIME_WAIT']);
    net.clock.runAll();
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it("keeps sending queued data in CLOSING when the peer's FIN overtakes our unsent bytes", () => {
    const net = new TestNet({}, { a: { receiveWindow: 500 } });
    const { client, server, recClient } = connected(net);
    const data = payload(5000, 8);
    server.write(data);
    server.end();
    client.end();
    net.clock.tick(6);
    expect(server.state).toBe('CLOSING');
    net.clock.runAll();
    expect(firstDifference(recClient.bytes(), data)).toBe(-1);
    expect([client.state, server.state]).toEqual(['CLOSED', 'CLOSED']);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('re-ACKs a retransmitted FIN in TIME_WAIT when the last ACK was lost', () => {
    const { net, client, server, recServer } = connected();
    let lost = 0;
    net.drop = (seg, from) =>
      from === A && seg.flags.ack && !seg.flags.fin && server.state === 'LAST_ACK' && lost++ === 0;
    server.on('end', () => server.end());
    client.end();
    net.clock.tick(100);
    expect([client.state, server.state]).toEqual(['TIME_WAIT', 'LAST_ACK']);
    net.clock.tick(2000);
    expect(server.state).toBe('CLOSED');
    expect(server.stats.retransmits).toBe(1);
    expect(recServer.events).toEqual(['end', 'close:false']);
    net.clock.runAll();
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('reports TCP_ERR_CONNECTION_RESET when the peer aborts mid-stream', () => {
    const { net, client, server, recClient, recServer } = connected();
    server.write(payload(30_000));
    net.clock.tick(8);
    server.destroy();
    net.clock.tick(50);
    expect(recClient.bytes().length).toBeGreaterThan(0);
    expect(recClient.events.slice(-2)).toEqual(['error:TCP_ERR_CONNECTION_RESET', 'close:true']);
    expect(recClient.errors[0]?.type).toMatchObject({ state: 'ESTABLISHED', localIp: A, remoteIp: B });
    expect(recServer.events).toEqual(['close:false']);
    expect(net.sent(B).find((s) => s.flags.rst)?.flags.ack).toBe(true);
    expect([client.state, server.state]).toEqual(['CLOSED', 'CLOSED']);
    expect(codeOf(() => client.write(new Uint8Array(1)))).toBe('TCP_ERR_NOT_CONNECTED');
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('is reset by a peer that lost the connection (rebooted host answers with RST)', () => {
    const { net, client, recClient } = connected();
    net.replace(
      B,
      new TcpLayer({ clock: net.clock, random: seededRandom(5), output: (s, src, dst) => net.a.receive(s, src, dst) })
    );
    client.write(payload(100));
    net.clock.tick(50);
    expect(recClient.events.slice(-2)).toEqual(['error:TCP_ERR_CONNECTION_RESET', 'close:true']);
  });

  it('throws TCP_ERR_WRITE_AFTER_END on write after end', () => {
    const { client } = connected();
    client.end();
    expect(codeOf(() => client.write(new Uint8Array(1)))).toBe('TCP_ERR_WRITE_AFTER_END');
  });

  it.each([5, 15])('gives up after maxRetries = %i retransmissions with TCP_ERR_TIMEOUT', (maxRetries) => {
    const net = new TestNet({}, { a: { maxRetries } });
    const { client, recClient } = connected(net);
    const rtoBefore = 200; // SRTT 10 ms, RTTVAR 5 ms ⇒ max(200, 10 + 4·5)
    net.down = true;
    const start = net.clock.now();
    client.write(payload(3000));
    net.clock.runAll();
    expect(client.stats.retransmits).toBe(maxRetries);
    expect(recClient.events.slice(-2)).toEqual(['error:TCP_ERR_TIMEOUT', 'close:true']);
    expect(recClient.errors[0]?.type).toMatchObject({ state: 'ESTABLISHED', retries: maxRetries });
    let expected = 0;
    for (let i = 0; i <= maxRetries; i++) expected += Math.min(120_000, rtoBefore * 2 ** i);
    expect(net.clock.now() - start).toBe(expected);
    expect(net.a.connections()).toEqual([]);
    expect(net.clock.pendingTimers()).toBe(0);
  });
});
