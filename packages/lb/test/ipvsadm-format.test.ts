import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { IpvsTable } from '../src/index.js';

// The fixtures were printed with C printf semantics (Python %-formatting) from ipvsadm.c's own format
// strings ("  -> %-28s %-7s %-6d %-10u %-10u\n", "%-3s %-6s %-11s %-18s %-18s %s\n" …), so this checks the
// layout against the C tool rather than against our own padding code.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function populated() {
  const clock = new ManualClock();
  const ipvs = new IpvsTable({ clock });
  const fwm = ipvs.addService({ fwmark: 256 });
  ipvs.addServer(fwm, { ip: '10.0.1.3' });
  ipvs.addServer(fwm, { ip: '10.0.1.4' });
  const dns = ipvs.addService({ vip: '10.0.0.5', protocol: 'udp', port: 53, scheduler: 'sh', fallback: true });
  ipvs.addServer(dns, { ip: '10.0.0.7', port: 53, forward: 'tunnel' });
  const web = ipvs.addService({ vip: '10.0.0.5', protocol: 'tcp', port: 80, scheduler: 'wlc' });
  ipvs.addServer(web, { ip: '10.0.0.7', port: 8080, weight: 3, forward: 'droute' });
  const drained = ipvs.addService({ fwmark: 257, scheduler: 'mh' });
  ipvs.addServer(drained, { ip: '10.0.2.3', weight: 0 });
  const tcp = {
    protocol: 'tcp' as const,
    srcIp: '10.0.9.1',
    srcPort: 40000,
    dstIp: '10.0.1.2',
    dstPort: 80,
    fwmark: 256
  };
  ipvs.schedule(tcp);
  ipvs.established(tcp);
  ipvs.schedule({ protocol: 'udp', srcIp: '10.0.9.2', srcPort: 5353, dstIp: '10.0.0.5', dstPort: 53 });
  clock.tick(10_000);
  return ipvs;
}

describe('ipvsadm text views', () => {
  it('-Ln: header, services sorted (address services before fwmark ones), destinations sorted, padded columns', () => {
    expect(populated().list()).toBe(fixture('ipvsadm-ln.txt'));
  });

  it('-Lnc: one row per connection with the remaining time as mm:ss', () => {
    expect(populated().listConnections()).toBe(fixture('ipvsadm-lnc.txt'));
  });

  it('an empty table prints only the header', () => {
    const ipvs = new IpvsTable({ clock: new ManualClock() }, { connTableSize: 1024 });
    expect(ipvs.list().split('\n')[0]).toBe('IP Virtual Server version 1.2.1 (size=1024)');
    expect(ipvs.list().trimEnd().split('\n')).toHaveLength(3);
  });
});
