import { describe, expect, it } from 'vitest';
import { fwmarkTable, packet } from './helpers.js';

describe('lc scheduler', () => {
  it('picks the server with the fewest connections, counting an active one as 256 inactive', () => {
    const { ipvs, svc } = fwmarkTable('lc');
    ipvs.addServer(svc, { ip: '10.0.1.3' });
    ipvs.addServer(svc, { ip: '10.0.1.4' });
    // First flow lands on the head (10.0.1.4) and becomes established: overhead 256.
    const first = ipvs.schedule(packet('10.0.2.1', 1))!;
    ipvs.established(packet('10.0.2.1', 1));
    expect(first.server.ip).toBe('10.0.1.4');
    // 256 half-open flows (inactive, overhead 1 each) all go to 10.0.1.3 while it is below 256...
    const next = Array.from({ length: 256 }, (_, i) => ipvs.schedule(packet('10.0.2.2', 100 + i))!.server.ip);
    expect(new Set(next)).toEqual(new Set(['10.0.1.3']));
    // ...and at 256 vs 256 the tie goes to the first in list order.
    expect(ipvs.schedule(packet('10.0.2.3', 1))!.server.ip).toBe('10.0.1.4');
  });
});

describe('wlc scheduler', () => {
  it('picks the least overhead per weight, compared by cross-multiplication', () => {
    const { ipvs, svc } = fwmarkTable('wlc');
    ipvs.addServer(svc, { ip: '10.0.1.3', weight: 1 });
    ipvs.addServer(svc, { ip: '10.0.1.4', weight: 3 });
    const ips: string[] = [];
    for (let i = 0; i < 8; i++) {
      ips.push(ipvs.schedule(packet('10.0.2.1', 1000 + i))!.server.ip);
      ipvs.established(packet('10.0.2.1', 1000 + i));
    }
    // Weight 3 carries three times the active connections of weight 1.
    expect(ips.filter((ip) => ip === '10.0.1.4')).toHaveLength(6);
    expect(ips.filter((ip) => ip === '10.0.1.3')).toHaveLength(2);
    const servers = ipvs.service(svc).servers;
    expect(servers.map((s) => [s.ip, s.activeConns])).toEqual([
      ['10.0.1.4', 6],
      ['10.0.1.3', 2]
    ]);
  });

  it('prefers the lower weighted load even when its raw count is higher', () => {
    const { ipvs, svc } = fwmarkTable('wlc');
    ipvs.addServer(svc, { ip: '10.0.1.3', weight: 1 });
    ipvs.addServer(svc, { ip: '10.0.1.4', weight: 4 });
    // Load 10.0.1.4 (head, weight 4) with 3 active flows and 10.0.1.3 with 1: 768/4 = 192 < 256/1.
    ipvs.editServer(svc, { ip: '10.0.1.3' }, { weight: 0 });
    for (let i = 0; i < 3; i++) {
      ipvs.schedule(packet('10.0.2.1', i));
      ipvs.established(packet('10.0.2.1', i));
    }
    ipvs.editServer(svc, { ip: '10.0.1.3' }, { weight: 1 });
    ipvs.editServer(svc, { ip: '10.0.1.4' }, { weight: 0 });
    ipvs.schedule(packet('10.0.2.2', 1));
    ipvs.established(packet('10.0.2.2', 1));
    ipvs.editServer(svc, { ip: '10.0.1.4' }, { weight: 4 });
    expect(ipvs.schedule(packet('10.0.2.3', 1))!.server.ip).toBe('10.0.1.4');
  });
});
