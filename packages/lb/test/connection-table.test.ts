import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../src/index.js';
import { fwmarkTable, packet } from './helpers.js';

const udp = { protocol: 'udp' as const, srcIp: '10.0.2.1', srcPort: 5353, dstIp: '10.0.1.2', dstPort: 53, fwmark: 256 };

function setup() {
  const t = fwmarkTable('rr');
  t.ipvs.addServer(t.svc, { ip: '10.0.1.3' });
  return t;
}

describe('connection table', () => {
  it('keeps a flow on its backend while it lives', () => {
    const { ipvs, svc } = setup();
    ipvs.addServer(svc, { ip: '10.0.1.4' });
    const first = ipvs.schedule(packet('10.0.2.1', 4000))!;
    const repeats = Array.from({ length: 5 }, () => ipvs.schedule(packet('10.0.2.1', 4000))!);
    expect(repeats.every((r) => !r.created && r.server.ip === first.server.ip)).toBe(true);
    expect(ipvs.connections()).toHaveLength(1);
  });

  it('expires a UDP flow 300 s after its last packet, and each packet restarts the timeout', () => {
    const { clock, ipvs } = setup();
    ipvs.schedule(udp);
    clock.tick(299_000);
    expect(ipvs.schedule(udp)?.created).toBe(false);
    clock.tick(299_999);
    expect(ipvs.lookup(udp)).toBeDefined();
    clock.tick(1);
    expect(ipvs.lookup(udp)).toBeUndefined();
  });

  it('uses the kernel TCP state timeouts: SYN_RECV 60 s, ESTABLISHED 900 s, FIN_WAIT 120 s, CLOSE 10 s', () => {
    const cases: [string, (p: ReturnType<typeof packet>) => void, number][] = [
      ['SYN_RECV', () => {}, 60],
      ['ESTABLISHED', (p) => ipvs.established(p), 900],
      ['FIN_WAIT', (p) => ipvs.fin(p), 120],
      ['CLOSE', (p) => ipvs.close(p), 10]
    ];
    const { clock, ipvs } = setup();
    cases.forEach(([state, move, seconds], i) => {
      const p = packet('10.0.2.1', 7000 + i);
      ipvs.schedule(p);
      move(p);
      expect(ipvs.lookup(p)?.state).toBe(state);
      clock.tick(seconds * 1000 - 1);
      expect(ipvs.lookup(p)).toBeDefined();
      clock.tick(1);
      expect(ipvs.lookup(p)).toBeUndefined();
    });
  });

  it('moves the counters: new flows are inactive, ESTABLISHED active, FIN inactive, expiry uncounts', () => {
    const { clock, ipvs, svc } = setup();
    const counts = () => ipvs.service(svc).servers.map((s) => [s.activeConns, s.inactConns])[0];
    const p = packet('10.0.2.1', 4000);
    ipvs.schedule(p);
    expect(counts()).toEqual([0, 1]);
    ipvs.established(p);
    expect(counts()).toEqual([1, 0]);
    ipvs.fin(p);
    expect(counts()).toEqual([0, 1]);
    clock.tick(120_000);
    expect(counts()).toEqual([0, 0]);
  });

  it('fires connection:expire from the clock, without any read of the table', () => {
    const { clock, ipvs } = setup();
    const expired: ConnectionInfo[] = [];
    ipvs.on('connection:expire', (c) => expired.push(c));
    ipvs.schedule(udp);
    ipvs.schedule(packet('10.0.2.9', 1));
    clock.tick(60_000);
    expect(expired.map((c) => c.protocol)).toEqual(['tcp']);
    clock.tick(240_000);
    expect(expired.map((c) => c.protocol)).toEqual(['tcp', 'udp']);
  });

  it('applies ipvsadm --set timeouts from the next refresh on', () => {
    const { clock, ipvs } = setup();
    ipvs.setTimeouts({ udp: 30 });
    expect(ipvs.listTimeouts()).toBe('Timeout (tcp tcpfin udp): 900 120 30\n');
    ipvs.schedule(udp);
    clock.tick(30_000);
    expect(ipvs.lookup(udp)).toBeUndefined();
  });

  it('a shortened timeout (ESTABLISHED → CLOSE) takes effect before the old deadline', () => {
    const { clock, ipvs } = setup();
    const p = packet('10.0.2.1', 4000);
    ipvs.schedule(p);
    ipvs.established(p);
    clock.tick(100_000);
    ipvs.close(p);
    clock.tick(10_000);
    expect(ipvs.connections()).toHaveLength(0);
  });
});
