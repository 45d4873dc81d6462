import { describe, expect, it } from 'vitest';
import { fwmarkTable, pickIp } from './helpers.js';

function countPicks(picks: (string | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of picks) if (p !== undefined) counts[p] = (counts[p] ?? 0) + 1;
  return counts;
}

describe('wrr scheduler', () => {
  it('gives weights 3:1 exactly 3:1 in every cycle of 4 picks', () => {
    const { ipvs, svc } = fwmarkTable('wrr');
    ipvs.addServer(svc, { ip: '10.0.1.3', weight: 3 });
    ipvs.addServer(svc, { ip: '10.0.1.4', weight: 1 });
    const picks = Array.from({ length: 40 }, (_, i) => pickIp(ipvs, '10.0.1.9', 1000 + i));
    for (let cycle = 0; cycle < 10; cycle++) {
      expect(countPicks(picks.slice(cycle * 4, cycle * 4 + 4))).toEqual({ '10.0.1.3': 3, '10.0.1.4': 1 });
    }
  });

  it('interleaves rather than bursting: weights 5:3:2 over one cycle of 10', () => {
    const { ipvs, svc } = fwmarkTable('wrr');
    ipvs.addServer(svc, { ip: '10.0.1.3', weight: 5 });
    ipvs.addServer(svc, { ip: '10.0.1.4', weight: 3 });
    ipvs.addServer(svc, { ip: '10.0.1.5', weight: 2 });
    const picks = Array.from({ length: 10 }, (_, i) => pickIp(ipvs, '10.0.1.9', 1000 + i));
    expect(countPicks(picks)).toEqual({ '10.0.1.3': 5, '10.0.1.4': 3, '10.0.1.5': 2 });
    // The heaviest server is never picked more than twice in a row (cw steps down by the gcd).
    let longestRun = 1;
    for (let i = 1, run = 1; i < picks.length; i++) {
      run = picks[i] === picks[i - 1] ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
    }
    expect(longestRun).toBeLessThanOrEqual(2);
  });

  it('follows a weight change at once (the cycle restarts with the new gcd)', () => {
    const { ipvs, svc } = fwmarkTable('wrr');
    ipvs.addServer(svc, { ip: '10.0.1.3', weight: 2 });
    ipvs.addServer(svc, { ip: '10.0.1.4', weight: 2 });
    ipvs.editServer(svc, { ip: '10.0.1.4' }, { weight: 6 });
    const picks = Array.from({ length: 16 }, (_, i) => pickIp(ipvs, '10.0.1.9', 1000 + i));
    expect(countPicks(picks)).toEqual({ '10.0.1.3': 4, '10.0.1.4': 12 });
  });
});
