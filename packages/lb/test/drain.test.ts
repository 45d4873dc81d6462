import { describe, expect, it } from 'vitest';
import type { SchedulerName } from '../src/index.js';
import { clientIps, fwmarkTable, packet, pickIp } from './helpers.js';

describe('weight-0 drain', () => {
  it('rr: a drained backend gets no new flow while its existing connection still maps to it', () => {
    const { ipvs, svc } = fwmarkTable('rr');
    for (const ip of ['10.0.1.3', '10.0.1.4', '10.0.1.5']) ipvs.addServer(svc, { ip });
    const old = ipvs.schedule(packet('10.0.2.1', 5000))!;
    ipvs.established(packet('10.0.2.1', 5000));
    ipvs.editServer(svc, { ip: old.server.ip }, { weight: 0 });
    const fresh = Array.from({ length: 30 }, (_, i) => pickIp(ipvs, '10.0.2.2', 6000 + i));
    expect(fresh).not.toContain(old.server.ip);
    const again = ipvs.schedule(packet('10.0.2.1', 5000))!;
    expect(again.created).toBe(false);
    expect(again.server.ip).toBe(old.server.ip);
    expect(ipvs.service(svc).servers.find((s) => s.ip === old.server.ip)?.activeConns).toBe(1);
  });

  it.each<SchedulerName>(['wrr', 'lc', 'wlc', 'sh', 'mh'])(
    '%s: no new flow reaches a weight-0 backend',
    (scheduler) => {
      const { ipvs, svc } = fwmarkTable(scheduler, {}, { fallback: true });
      for (const ip of ['10.0.1.3', '10.0.1.4', '10.0.1.5']) ipvs.addServer(svc, { ip });
      ipvs.editServer(svc, { ip: '10.0.1.4' }, { weight: 0 });
      const picks = clientIps(300).map((src) => pickIp(ipvs, src, 1));
      expect(picks).not.toContain('10.0.1.4');
      expect(picks.filter((p) => p !== undefined).length).toBe(300);
    }
  );

  it('a removed backend: its flow is dropped by default, rescheduled with expire_nodest_conn', () => {
    for (const expireNodestConn of [false, true]) {
      const { ipvs, svc } = fwmarkTable('rr', { expireNodestConn });
      ipvs.addServer(svc, { ip: '10.0.1.3' });
      ipvs.addServer(svc, { ip: '10.0.1.4' });
      const first = ipvs.schedule(packet('10.0.2.1', 5000))!;
      ipvs.removeServer(svc, { ip: first.server.ip });
      const next = ipvs.schedule(packet('10.0.2.1', 5000));
      if (expireNodestConn) {
        expect(next?.created).toBe(true);
        expect(next?.server.ip).not.toBe(first.server.ip);
      } else {
        expect(next).toBeUndefined();
      }
    }
  });
});
