import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { IpvsTable, LbError } from '../src/index.js';
import { isLbError } from './errors-helper.js';

const tcp = (dstIp: string, dstPort: number, fwmark?: number) => ({
  protocol: 'tcp' as const,
  srcIp: '10.0.9.1',
  srcPort: 40000,
  dstIp,
  dstPort,
  fwmark
});

describe('IpvsTable', () => {
  it('matches a marked packet to its fwmark service before any address service', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() });
    const byAddr = ipvs.addService({ vip: '10.0.1.2', protocol: 'tcp', port: 80 });
    ipvs.addServer(byAddr, { ip: '10.0.1.50', port: 80 });
    const byMark = ipvs.addService({ fwmark: 300 });
    ipvs.addServer(byMark, { ip: '10.0.1.60' });
    expect(ipvs.schedule(tcp('10.0.1.2', 80, 300))?.server.ip).toBe('10.0.1.60');
    expect(ipvs.schedule({ ...tcp('10.0.1.2', 80), srcPort: 40001 })?.server.ip).toBe('10.0.1.50');
  });

  it('forwards to the packet port when the server port is 0, and to the server port otherwise', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() });
    const fwm = ipvs.addService({ fwmark: 256 });
    ipvs.addServer(fwm, { ip: '10.0.1.3' });
    expect(ipvs.schedule(tcp('10.0.1.2', 8080, 256))?.connection.destPort).toBe(8080);
    const web = ipvs.addService({ vip: '10.0.0.5', protocol: 'tcp', port: 80 });
    ipvs.addServer(web, { ip: '10.0.0.7', port: 8000 });
    expect(ipvs.schedule(tcp('10.0.0.5', 80))?.connection.destPort).toBe(8000);
  });

  it('does not forward packets that match no service', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() });
    ipvs.addService({ fwmark: 256 });
    expect(ipvs.schedule(tcp('10.0.1.2', 80, 999))).toBeUndefined();
    expect(ipvs.schedule(tcp('10.0.1.2', 80))).toBeUndefined();
  });

  it('emits connection:new once per flow', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() });
    const fwm = ipvs.addService({ fwmark: 256 });
    ipvs.addServer(fwm, { ip: '10.0.1.3' });
    const seen: string[] = [];
    ipvs.on('connection:new', (c) => seen.push(`${c.clientIp}:${c.clientPort}`));
    ipvs.schedule(tcp('10.0.1.2', 80, 256));
    ipvs.schedule(tcp('10.0.1.2', 80, 256));
    expect(seen).toEqual(['10.0.9.1:40000']);
  });

  it('mh hash secrets come from the seed: same seed, same mapping', () => {
    const map = (seed: number) => {
      const ipvs = new IpvsTable({ clock: new ManualClock() }, { seed });
      const svc = ipvs.addService({ fwmark: 256, scheduler: 'mh' });
      for (let i = 0; i < 5; i++) ipvs.addServer(svc, { ip: `10.0.1.${10 + i}` });
      return Array.from(
        { length: 50 },
        (_, i) => ipvs.schedule({ ...tcp('10.0.1.2', 80, 256), srcIp: `10.0.3.${i}` })?.server.ip
      );
    };
    expect(map(7)).toEqual(map(7));
    expect(map(7)).not.toEqual(map(8));
  });

  it('rejects bad input with typed, coded errors', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() });
    const svc = ipvs.addService({ fwmark: 256 });
    ipvs.addServer(svc, { ip: '10.0.1.3' });
    const cases: [() => unknown, string][] = [
      [() => ipvs.addService({ fwmark: 256 }), 'LB_ERR_SERVICE_EXISTS'],
      [() => ipvs.addService({ fwmark: 1, vip: '10.0.0.1' }), 'LB_ERR_INVALID_SERVICE'],
      [() => ipvs.addService({ vip: '10.0.0.1', protocol: 'tcp' }), 'LB_ERR_INVALID_SERVICE'],
      [() => ipvs.addService({ vip: '10.0.0.300', protocol: 'tcp', port: 80 }), 'LB_ERR_INVALID_ADDRESS'],
      [() => ipvs.addService({ vip: '10.0.0.1', protocol: 'tcp', port: 70000 }), 'LB_ERR_INVALID_PORT'],
      [() => ipvs.addService({ fwmark: 9, scheduler: 'lblc' as never }), 'LB_ERR_UNKNOWN_SCHEDULER'],
      [() => ipvs.addServer({ fwmark: 999 }, { ip: '10.0.1.4' }), 'LB_ERR_NO_SUCH_SERVICE'],
      [() => ipvs.addServer(svc, { ip: '10.0.1.3' }), 'LB_ERR_SERVER_EXISTS'],
      [() => ipvs.addServer(svc, { ip: '10.0.1.4', weight: -1 }), 'LB_ERR_INVALID_WEIGHT'],
      [() => ipvs.addServer(svc, { ip: '10.0.1.4', upperThreshold: 5, lowerThreshold: 9 }), 'LB_ERR_INVALID_THRESHOLD'],
      [() => ipvs.editServer(svc, { ip: '10.0.1.9' }, { weight: 2 }), 'LB_ERR_NO_SUCH_SERVER'],
      [() => ipvs.removeServer(svc, { ip: '10.0.1.9' }), 'LB_ERR_NO_SUCH_SERVER'],
      [() => ipvs.established(tcp('10.0.1.2', 80)), 'LB_ERR_NO_SUCH_CONNECTION'],
      [() => ipvs.setTimeouts({ tcp: -1 }), 'LB_ERR_INVALID_TIMEOUT']
    ];
    for (const [fn, code] of cases) expect(isLbError(fn)).toBe(code);
    ipvs.schedule(tcp('10.0.1.2', 80, 256));
    expect(isLbError(() => ipvs.setConnectionState(tcp('10.0.1.2', 80), 'UDP'))).toBe('LB_ERR_INVALID_STATE');
    expect(() => ipvs.addService({ fwmark: 256 })).toThrow(LbError);
  });

  it('an overloaded server (upper threshold reached) is skipped until it drops below 3/4 of it', () => {
    const clock = new ManualClock();
    const ipvs = new IpvsTable({ clock });
    const svc = ipvs.addService({ fwmark: 256 });
    ipvs.addServer(svc, { ip: '10.0.1.3' });
    ipvs.addServer(svc, { ip: '10.0.1.4', upperThreshold: 4 });
    const pick = (port: number) => ipvs.schedule({ ...tcp('10.0.1.2', 80, 256), srcPort: port })!.server.ip;
    const picks = Array.from({ length: 12 }, (_, i) => pick(i));
    expect(picks.filter((ip) => ip === '10.0.1.4')).toHaveLength(4);
    // Close the overloaded server's flows; they leave the table 10 s later (CLOSE), freeing it.
    picks.forEach((ip, i) => ip === '10.0.1.4' && ipvs.close({ ...tcp('10.0.1.2', 80), srcPort: i }));
    expect(pick(100)).toBe('10.0.1.3');
    clock.tick(10_000);
    expect([pick(101), pick(102)]).toContain('10.0.1.4');
  });

  it('removeService stops new flows; clear() empties everything', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() });
    const svc = ipvs.addService({ fwmark: 256 });
    ipvs.addServer(svc, { ip: '10.0.1.3' });
    ipvs.schedule(tcp('10.0.1.2', 80, 256));
    ipvs.removeService(svc);
    expect(ipvs.services()).toHaveLength(0);
    expect(ipvs.schedule({ ...tcp('10.0.1.2', 80, 256), srcPort: 1 })).toBeUndefined();
    ipvs.clear();
    expect(ipvs.connections()).toHaveLength(0);
  });
});
