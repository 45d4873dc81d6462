import { describe, expect, it } from 'vitest';
import { clientIps, fwmarkTable, pickIp } from './helpers.js';

const SERVERS = ['10.0.1.3', '10.0.1.4', '10.0.1.5', '10.0.1.6'];

describe('sh scheduler', () => {
  it('sends every flow of one source to the same server, whatever its port', () => {
    const { ipvs, svc } = fwmarkTable('sh');
    for (const ip of SERVERS) ipvs.addServer(svc, { ip });
    for (const src of clientIps(50)) {
      const picks = new Set(Array.from({ length: 20 }, (_, i) => pickIp(ipvs, src, 30000 + i * 7)));
      expect(picks.size).toBe(1);
    }
  });

  it('spreads different sources over all servers', () => {
    const { ipvs, svc } = fwmarkTable('sh');
    for (const ip of SERVERS) ipvs.addServer(svc, { ip });
    const picks = new Set(clientIps(200).map((src) => pickIp(ipvs, src, 1)));
    expect(picks).toEqual(new Set(SERVERS));
  });

  it('gives no destination for a source hashed to a weight-0 server, unless sh-fallback is set', () => {
    for (const fallback of [false, true]) {
      const { ipvs, svc } = fwmarkTable('sh', {}, { fallback });
      for (const ip of SERVERS) ipvs.addServer(svc, { ip });
      const sources = clientIps(200);
      const before = sources.map((src) => pickIp(ipvs, src, 1));
      ipvs.editServer(svc, { ip: '10.0.1.4' }, { weight: 0 });
      const drained = sources.filter((_, i) => before[i] === '10.0.1.4');
      expect(drained.length).toBeGreaterThan(0);
      const after = drained.map((src) => pickIp(ipvs, src, 2));
      if (fallback) for (const ip of after) expect(SERVERS.filter((s) => s !== '10.0.1.4')).toContain(ip);
      else expect(after.every((ip) => ip === undefined)).toBe(true);
    }
  });

  it('with sh-port, the source port takes part in the hash', () => {
    const { ipvs, svc } = fwmarkTable('sh', {}, { hashPort: true });
    for (const ip of SERVERS) ipvs.addServer(svc, { ip });
    const picks = new Set(Array.from({ length: 64 }, (_, i) => pickIp(ipvs, '10.0.2.1', 30000 + i)));
    expect(picks.size).toBeGreaterThan(1);
  });
});
