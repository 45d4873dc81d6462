import { describe, expect, it } from 'vitest';
import { forward, makeNetfilter, udp } from './helpers.js';

describe('conntrack activation (tracking: auto)', () => {
  it('tracks nothing in a namespace without rules that need it, as Linux loads nf_conntrack on demand', () => {
    const { nf } = makeNetfilter(undefined, { tracking: 'auto' });
    nf.exec('-A FORWARD -i docker0 -j ACCEPT');
    expect(forward(nf, udp('172.17.0.2', 5000, '8.8.8.8', 53, { inIf: 'docker0', outIf: 'eth0' }))).toBe('ACCEPT');
    expect(nf.trackingEnabled).toBe(false);
    expect(nf.conntrack.count()).toBe(0);
    // Policies still count what passes, tracked or not.
    expect(nf.list('filter', { chain: 'FORWARD', verbose: true, numeric: true })).toMatch(/^\s+1\s+\d+ ACCEPT/m);
  });

  it('starts tracking from the first nat rule or conntrack match, and keeps tracking after it is removed', () => {
    const a = makeNetfilter(undefined, { tracking: 'auto' }).nf;
    a.exec('-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    forward(a, udp('172.17.0.2', 5000, '8.8.8.8', 53, { inIf: 'docker0', outIf: 'eth0' }));
    expect(a.conntrack.count()).toBe(1);
    a.exec('-t nat -F');
    forward(a, udp('172.17.0.2', 5001, '8.8.8.8', 53, { inIf: 'docker0', outIf: 'eth0' }));
    expect(a.conntrack.count()).toBe(2);
    const b = makeNetfilter(undefined, { tracking: 'auto' }).nf;
    b.exec('-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    expect(b.trackingEnabled).toBe(true);
  });
});
