import { describe, expect, it } from 'vitest';
import { TcpError, TcpLayer, type TcpSocket } from '../../src/tcp/index.js';
import { A, B, TestNet, isnRandom, record } from './harness.js';

describe('TCP handshake', () => {
  it('exchanges SYN, SYN-ACK, ACK with MSS options and ISNs from the injected RNG', () => {
    const isnA = 0x1234_5678;
    const isnB = 0x9abc_def0;
    const net = new TestNet({}, { randomA: isnRandom(isnA), randomB: isnRandom(isnB), b: { mss: 1410 } });
    const accepted: TcpSocket[] = [];
    net.b.listen('0.0.0.0', 80, (s) => accepted.push(s));
    const client = net.a.connect(A, B, 80);
    const rec = record(client);
    expect(client.state).toBe('SYN_SENT');
    expect(client.localPort).toBe(32768);

    net.clock.tick(5);
    expect(net.b.connections().map((s) => s.state)).toEqual(['SYN_RECEIVED']);
    net.clock.tick(10);

    const [syn, synAck, ack] = net.trace.filter((t) => t.kind === 'send').map((t) => t.seg);
    expect(syn).toMatchObject({ seq: isnA, mss: 1460, flags: { syn: true, ack: false }, srcPort: 32768, dstPort: 80 });
    expect(synAck).toMatchObject({ seq: isnB, ack: isnA + 1, mss: 1410, flags: { syn: true, ack: true } });
    expect(ack).toMatchObject({ seq: isnA + 1, ack: isnB + 1, flags: { syn: false, ack: true } });
    expect(ack?.mss).toBeUndefined();
    expect(client.state).toBe('ESTABLISHED');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      state: 'ESTABLISHED',
      localIp: B,
      localPort: 80,
      remoteIp: A,
      remotePort: 32768
    });
    expect(rec.events).toEqual(['connect']);
    expect(client.rttMs).toBe(10);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('answers a SYN to a closed port with RST and the client fails with TCP_ERR_CONNECTION_REFUSED', () => {
    const net = new TestNet({}, { randomA: isnRandom(1000) });
    const client = net.a.connect(A, B, 9);
    const rec = record(client);
    net.clock.tick(20);
    const rst = net.sent(B)[0];
    expect(rst).toMatchObject({ seq: 0, ack: 1001, flags: { rst: true, ack: true }, srcPort: 9 });
    expect(rec.events).toEqual(['error:TCP_ERR_CONNECTION_REFUSED', 'close:true']);
    expect(rec.errors[0]).toBeInstanceOf(TcpError);
    expect(rec.errors[0]?.type).toMatchObject({ remoteIp: B, remotePort: 9 });
    expect(client.state).toBe('CLOSED');
    expect(net.a.connections()).toEqual([]);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('never answers an incoming RST, and answers a stray ACK with an RST carrying its ack number', () => {
    const out: unknown[] = [];
    const layer = new TcpLayer({ clock: new TestNet().clock, random: () => 0, output: (s) => out.push(s) });
    const flags = { fin: false, syn: false, rst: true, psh: false, ack: true, urg: false };
    const seg = {
      srcPort: 1234,
      dstPort: 80,
      seq: 5,
      ack: 77,
      flags,
      window: 100,
      urgentPointer: 0,
      payload: new Uint8Array(3)
    };
    layer.receive(seg, A, B);
    expect(out).toEqual([]);
    layer.receive({ ...seg, flags: { ...flags, rst: false } }, A, B);
    expect(out).toEqual([
      expect.objectContaining({
        seq: 77,
        srcPort: 80,
        dstPort: 1234,
        flags: expect.objectContaining({ rst: true, ack: false })
      })
    ]);
  });

  it('refuses a second listener on the same port with TCP_ERR_ADDRESS_IN_USE, wildcard included', () => {
    const { b } = new TestNet();
    const first = b.listen(B, 80, () => {});
    const codes = [() => b.listen(B, 80, () => {}), () => b.listen('0.0.0.0', 80, () => {})].map((fn) => {
      try {
        fn();
        return 'ok';
      } catch (err) {
        return err instanceof TcpError ? err.code : 'other';
      }
    });
    expect(codes).toEqual(['TCP_ERR_ADDRESS_IN_USE', 'TCP_ERR_ADDRESS_IN_USE']);
    expect(b.listen('10.9.9.9', 80, () => {}).state).toBe('LISTEN');
    first.close();
    expect(first.state).toBe('CLOSED');
    expect(b.listen(B, 80, () => {}).port).toBe(80);
  });

  it('hands out ephemeral ports sequentially, skipping ports in use, until the range is exhausted', () => {
    const net = new TestNet({}, { a: { ephemeralPortMin: 40000, ephemeralPortMax: 40003 } });
    net.b.listen('0.0.0.0', 80, () => {});
    net.a.listen('0.0.0.0', 40001, () => {});
    const ports = [1, 2, 3].map(() => net.a.connect(A, B, 80).localPort);
    expect(ports).toEqual([40000, 40002, 40003]);
    expect(() => net.a.connect(A, B, 80)).toThrow(expect.objectContaining({ code: 'TCP_ERR_PORTS_EXHAUSTED' }));
    net.a.connections()[0]!.destroy();
    expect(net.a.connect(A, B, 80).localPort).toBe(40000);
    expect(() => net.a.connect(A, B, 80, 40002)).toThrow(expect.objectContaining({ code: 'TCP_ERR_ADDRESS_IN_USE' }));
  });

  it('retransmits the SYN with exponential backoff and fails with TCP_ERR_TIMEOUT after synRetries', () => {
    const net = new TestNet();
    net.down = true;
    const client = net.a.connect(A, B, 80);
    const rec = record(client);
    net.clock.runAll();
    const synTimes = net.trace.filter((t) => t.seg.flags.syn).map((t) => t.at);
    // Linux with tcp_syn_retries = 6 and a 1 s initial RTO: 1+2+4+…+64 = 127 s.
    expect(synTimes).toEqual([0, 1000, 3000, 7000, 15000, 31000, 63000]);
    expect(net.clock.now()).toBe(127_000);
    expect(rec.events).toEqual(['error:TCP_ERR_TIMEOUT', 'close:true']);
    expect(rec.errors[0]?.type).toMatchObject({ state: 'SYN_SENT', retries: 6 });
    expect(client.stats.retransmits).toBe(6);
    expect(net.clock.pendingTimers()).toBe(0);
  });

  it('recovers from a lost SYN-ACK: the server answers the repeated SYN and the handshake completes', () => {
    // The server's own SYN-ACK timer (3 s) stays out of the way, so every SYN-ACK here answers a SYN.
    const net = new TestNet({}, { b: { initialRtoMs: 3000 } });
    let dropped = 0;
    net.drop = (seg, from) => from === B && seg.flags.syn && dropped++ === 0;
    net.b.listen('0.0.0.0', 80, () => {});
    const client = net.a.connect(A, B, 80);
    net.clock.tick(2000);
    expect(client.state).toBe('ESTABLISHED');
    expect(net.b.connections()[0]?.state).toBe('ESTABLISHED');
    expect(net.sent(B).filter((s) => s.flags.syn)).toHaveLength(2);
    expect(client.stats.retransmits).toBe(1);
  });

  it('completes a simultaneous open (both sides SYN) with connect on both sides', () => {
    const net = new TestNet();
    const a = net.a.connect(A, B, 5000, 6000);
    const b = net.b.connect(B, A, 6000, 5000);
    const recA = record(a);
    const recB = record(b);
    net.clock.tick(50);
    expect([a.state, b.state]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
    expect([recA.events, recB.events]).toEqual([['connect'], ['connect']]);
  });

  it('drops SYNs beyond the backlog and half-open connections when the listener closes', () => {
    const net = new TestNet();
    net.drop = (_seg, from) => from === B;
    const listener = net.b.listen('0.0.0.0', 80, () => {}, { backlog: 1 });
    net.a.connect(A, B, 80);
    net.a.connect(A, B, 80);
    net.clock.tick(10);
    expect(net.b.connections().map((s) => s.remotePort)).toEqual([32768]);
    listener.close();
    expect(net.b.connections()).toEqual([]);
    expect(net.b.listeners()).toEqual([]);
  });

  it('lets a new SYN with a higher sequence number take over a TIME_WAIT 4-tuple (Linux TW reuse)', () => {
    const net = new TestNet({}, { randomA: isnRandom(1000, 500_000) });
    const servers: TcpSocket[] = [];
    net.b.listen('0.0.0.0', 80, (s) => servers.push(s));
    const first = net.a.connect(A, B, 80, 40000);
    net.clock.tick(20);
    servers[0]!.end(); // the server closes first and keeps the TIME_WAIT
    net.clock.tick(5);
    first.end();
    net.clock.tick(20);
    expect([first.state, servers[0]!.state]).toEqual(['CLOSED', 'TIME_WAIT']);
    const second = net.a.connect(A, B, 80, 40000);
    net.clock.tick(20);
    expect(second.state).toBe('ESTABLISHED');
    expect(servers).toHaveLength(2);
    expect(servers[0]!.state).toBe('CLOSED');
    expect(net.b.connections()).toEqual([servers[1]]);
  });

  it('listens on an ephemeral port when asked for port 0', () => {
    const net = new TestNet({}, { b: { ephemeralPortMin: 45000 } });
    const listener = net.b.listen(B, 0, () => {});
    expect(listener.port).toBe(45000);
    const client = net.a.connect(A, B, listener.port);
    net.clock.tick(20);
    expect(client.state).toBe('ESTABLISHED');
  });

  it('rejects out-of-range options and ports with TCP_ERR_INVALID_ARGUMENT', () => {
    const net = new TestNet();
    const make = (o: object) => () => new TcpLayer({ clock: net.clock, random: () => 0, output: () => {} }, o);
    for (const bad of [{ mss: 0 }, { receiveWindow: 70000 }, { minRtoMs: 500, initialRtoMs: 100 }]) {
      expect(make(bad)).toThrow(expect.objectContaining({ code: 'TCP_ERR_INVALID_ARGUMENT' }));
    }
    expect(() => net.a.connect(A, B, 70000)).toThrow(expect.objectContaining({ code: 'TCP_ERR_INVALID_ARGUMENT' }));
    expect(() => net.a.listen(A, -1, () => {})).toThrow(expect.objectContaining({ code: 'TCP_ERR_INVALID_ARGUMENT' }));
  });
});
