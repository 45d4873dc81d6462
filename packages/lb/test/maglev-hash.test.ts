import { describe, expect, it } from 'vitest';
import { isLbError } from './errors-helper.js';
import { RealServer } from '../src/real-server.js';
import { MaglevHash } from '../src/schedulers/maglev-hash.js';
import { ipv4ToUint } from '../src/address.js';
import { clientIps, fwmarkTable, pickIp } from './helpers.js';

const N = 10;
const BACKENDS = Array.from({ length: N }, (_, i) => `10.0.1.${10 + i}`);
const FLOWS = clientIps(10_000);

function maglev(ips: string[], weights: number[] = []): { mh: MaglevHash; dests: RealServer[] } {
  const dests = ips.map((ip, i) => new RealServer({ ip, weight: weights[i] ?? 1 }));
  const mh = new MaglevHash(dests, {
    tableSize: 4093,
    fallback: false,
    hashPort: false,
    hash1: [0x1234567, 0x89abcdef],
    hash2: [0xdeadbeef, 0x5eed]
  });
  return { mh, dests };
}

function maxOverAverage(counts: number[]): number {
  const avg = counts.reduce((a, b) => a + b, 0) / counts.length;
  return Math.max(...counts) / avg;
}

function assignments(mh: MaglevHash): string[] {
  return FLOWS.map((ip) => mh.pick({ srcAddr: ipv4ToUint(ip), srcPort: 0 })?.ip ?? 'none');
}

describe('mh (Maglev) scheduler', () => {
  it('fills the 4093-slot table evenly: max/average slots per backend ≤ 1.1 (within one slot)', () => {
    const { mh, dests } = maglev(BACKENDS);
    const slots = dests.map((d) => mh.slotCounts().get(d) ?? 0);
    expect(slots.reduce((a, b) => a + b, 0)).toBe(4093);
    expect(Math.max(...slots) - Math.min(...slots)).toBeLessThanOrEqual(1);
    expect(maxOverAverage(slots)).toBeLessThanOrEqual(1.1);
  });

  it('keeps max/average flow load ≤ 1.1 for 10 000 flows over 10 backends', () => {
    const { mh } = maglev(BACKENDS);
    const counts = new Map<string, number>();
    for (const ip of assignments(mh)) counts.set(ip, (counts.get(ip) ?? 0) + 1);
    expect(counts.size).toBe(N);
    expect(maxOverAverage([...counts.values()])).toBeLessThanOrEqual(1.1);
  });

  it('remaps only about 1/N of the flows when one of N backends is removed', () => {
    const { mh, dests } = maglev(BACKENDS);
    const before = assignments(mh);
    const gone = dests[3]!.ip;
    dests.splice(3, 1);
    mh.onChange();
    const after = assignments(mh);
    const moved = before.filter((ip, i) => ip !== after[i]).length;
    const survivorFlows = before.filter((ip) => ip !== gone).length;
    const survivorsMoved = before.filter((ip, i) => ip !== gone && ip !== after[i]).length;
    expect(moved / FLOWS.length).toBeLessThanOrEqual(1.5 / N);
    // Every flow of the removed backend moves; flows of the survivors mostly stay where they were.
    expect(after.filter((ip) => ip === gone)).toHaveLength(0);
    expect(survivorsMoved / survivorFlows).toBeLessThanOrEqual(0.05);
  });

  it('honours weights: a weight-2 backend holds about twice the slots of a weight-1 one', () => {
    const { mh, dests } = maglev(['10.0.1.3', '10.0.1.4', '10.0.1.5'], [2, 1, 1]);
    const slots = mh.slotCounts();
    const ratio = (slots.get(dests[0]!) ?? 0) / (slots.get(dests[1]!) ?? 1);
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });

  it('keeps a drained (weight-0) backend in the table: its sources get no destination without mh-fallback', () => {
    const { ipvs, svc } = fwmarkTable('mh');
    for (const ip of BACKENDS) ipvs.addServer(svc, { ip });
    const sources = FLOWS.slice(0, 500);
    const before = sources.map((src) => pickIp(ipvs, src, 1));
    ipvs.editServer(svc, { ip: BACKENDS[0]! }, { weight: 0 });
    const after = sources.map((src) => pickIp(ipvs, src, 2));
    for (let i = 0; i < sources.length; i++) expect(after[i]).toBe(before[i] === BACKENDS[0] ? undefined : before[i]);
  });

  it('with mh-fallback, a drained backend’s sources move to other backends and the rest stay', () => {
    const { ipvs, svc } = fwmarkTable('mh', {}, { fallback: true });
    for (const ip of BACKENDS) ipvs.addServer(svc, { ip });
    const sources = FLOWS.slice(0, 500);
    const before = sources.map((src) => pickIp(ipvs, src, 1));
    ipvs.editServer(svc, { ip: BACKENDS[0]! }, { weight: 0 });
    const after = sources.map((src) => pickIp(ipvs, src, 2));
    for (let i = 0; i < sources.length; i++) {
      if (before[i] === BACKENDS[0]) expect(after[i]).not.toBe(BACKENDS[0]);
      else expect(after[i]).toBe(before[i]);
    }
  });

  it('accepts a configurable prime table size and rejects a non-prime one', () => {
    const small = fwmarkTable('mh');
    small.ipvs.addService({ fwmark: 257, scheduler: 'mh', mhTableSize: 251 });
    expect(() => small.ipvs.addService({ fwmark: 258, scheduler: 'mh', mhTableSize: 4096 })).toThrow(
      expect.objectContaining({ code: 'LB_ERR_TABLE_SIZE_NOT_PRIME' })
    );
    expect(isLbError(() => small.ipvs.addService({ fwmark: 259, scheduler: 'mh', mhTableSize: 1 }))).toBe(
      'LB_ERR_TABLE_SIZE_NOT_PRIME'
    );
  });
});
