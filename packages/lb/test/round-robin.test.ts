import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { IpvsTable } from '../src/index.js';
import { fwmarkTable, pickIp } from './helpers.js';

describe('rr scheduler', () => {
  it('cycles through the servers in the kernel list order (newest first), round after round', () => {
    const { ipvs, svc } = fwmarkTable('rr');
    for (const ip of ['10.0.1.3', '10.0.1.4', '10.0.1.5']) ipvs.addServer(svc, { ip });
    const picks = Array.from({ length: 9 }, (_, i) => pickIp(ipvs, '10.0.1.9', 40000 + i));
    expect(picks).toEqual([
      '10.0.1.5',
      '10.0.1.4',
      '10.0.1.3',
      '10.0.1.5',
      '10.0.1.4',
      '10.0.1.3',
      '10.0.1.5',
      '10.0.1.4',
      '10.0.1.3'
    ]);
  });

  it('keeps one pointer per table, so two nodes rotate independently', () => {
    const clock = new ManualClock();
    const [a, b] = [new IpvsTable({ clock }), new IpvsTable({ clock })];
    for (const t of [a, b]) {
      const svc = t.addService({ fwmark: 256 });
      t.addServer(svc, { ip: '10.0.1.3' });
      t.addServer(svc, { ip: '10.0.1.4' });
    }
    expect(pickIp(a, '10.0.1.9', 1)).toBe('10.0.1.4');
    expect(pickIp(a, '10.0.1.9', 2)).toBe('10.0.1.3');
    expect(pickIp(b, '10.0.1.9', 3)).toBe('10.0.1.4');
  });

  it('moves the pointer to the predecessor when the current server is removed', () => {
    const { ipvs, svc } = fwmarkTable('rr');
    for (const ip of ['10.0.1.3', '10.0.1.4', '10.0.1.5']) ipvs.addServer(svc, { ip });
    expect(pickIp(ipvs, '10.0.1.9', 1)).toBe('10.0.1.5');
    expect(pickIp(ipvs, '10.0.1.9', 2)).toBe('10.0.1.4');
    ipvs.removeServer(svc, { ip: '10.0.1.4' });
    expect(pickIp(ipvs, '10.0.1.9', 3)).toBe('10.0.1.3');
    expect(pickIp(ipvs, '10.0.1.9', 4)).toBe('10.0.1.5');
  });

  it('returns undefined when the service has no server', () => {
    const { ipvs } = fwmarkTable('rr');
    expect(pickIp(ipvs, '10.0.1.9', 1)).toBeUndefined();
  });
});
