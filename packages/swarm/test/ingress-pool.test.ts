import { describe, expect, it } from 'vitest';
import { IpamError } from '@swarmsim/addr';
import { ManualClock } from '@swarmsim/clock';
import { Manager } from '../src/index.js';

/** A manager on `pools` (none = Docker's default) and the ingress address each of `n` joined nodes got. */
function joined(n: number, pools?: { base: string; size: number }[]) {
  const manager = new Manager(pools === undefined ? {} : { defaultAddrPool: pools }, { clock: new ManualClock() });
  const addresses = Array.from({ length: n }, (_, i) => {
    const node = manager.joinNode({ hostname: `node-${i + 1}`, role: i === 0 ? 'manager' : 'worker' });
    return node.attachments[manager.ingress.id];
  });
  return { manager, addresses };
}

// swarmkit's newIngressNetwork asks for no subnet (manager/manager.go), so ingress is allocated like any overlay:
// the first block of the default pool, at the pool's mask length.
describe('ingress subnet', () => {
  it("is the first block of the default pool: 10.0.0.0/24 with Docker's default", () => {
    expect(joined(0).manager.ingress.subnet).toBe('10.0.0.0/24');
    expect(joined(0, [{ base: '10.20.0.0/16', size: 24 }]).manager.ingress.subnet).toBe('10.20.0.0/24');
  });

  it('holds one ingress-sbox address per node: 253 nodes in a /24, more with a shorter pool mask', () => {
    expect(joined(253).addresses.at(-1)).toBe('10.0.0.254/24');
    expect(() => joined(254)).toThrow(IpamError);
    const wide = joined(1000, [{ base: '10.0.0.0/8', size: 22 }]);
    expect(wide.manager.ingress.subnet).toBe('10.0.0.0/22');
    expect(new Set(wide.addresses).size).toBe(1000);
    expect(wide.addresses.at(-1)).toBe('10.0.3.233/22');
  });
});
