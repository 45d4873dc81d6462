import { describe, expect, it } from 'vitest';
import { Ipam, LOCAL_DEFAULT_POOLS, cidrsOverlap } from '../src/index.js';
import { expectIpamError } from './helpers.js';

/** Requests `n` predefined local pools and returns their subnets in order. */
function localSubnets(ipam: Ipam, n: number): string[] {
  return Array.from({ length: n }, () => ipam.requestPool({ scope: 'local' }).subnet);
}

describe('local (bridge) subnet allocation', () => {
  it('hands out Docker default pools in order: 172.17–172.31/16, then 192.168.x.0/20', () => {
    const subnets = localSubnets(new Ipam(), 31);
    expect(subnets.slice(0, 3)).toEqual(['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16']);
    expect(subnets[3]).toBe('172.20.0.0/16'); // first /16 of 172.20.0.0/14
    expect(subnets[14]).toBe('172.31.0.0/16');
    expect(subnets[15]).toBe('192.168.0.0/20');
    expect(subnets[16]).toBe('192.168.16.0/20');
    expect(subnets[30]).toBe('192.168.240.0/20');
    expect(new Set(subnets).size).toBe(31);
  });

  it('the 32nd network fails with IPAM_ERR_POOL_EXHAUSTED', () => {
    const ipam = new Ipam();
    localSubnets(ipam, 31);
    const err = expectIpamError(() => ipam.requestPool({ scope: 'local' }), 'IPAM_ERR_POOL_EXHAUSTED');
    expect(err).toMatchObject({ scope: 'local' });
  });

  it('reuses released subnets, the lowest first', () => {
    const ipam = new Ipam();
    const pools = Array.from({ length: 31 }, () => ipam.requestPool({ scope: 'local' }));
    ipam.releasePool(pools[20]!.id); // 192.168.80.0/20
    ipam.releasePool(pools[1]!.id); // 172.18.0.0/16
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('172.18.0.0/16');
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('192.168.80.0/20');
    expectIpamError(() => ipam.requestPool({ scope: 'local' }), 'IPAM_ERR_POOL_EXHAUSTED');
  });

  it('refuses a user subnet overlapping an allocated pool, naming the existing one', () => {
    const ipam = new Ipam();
    ipam.requestPool({ scope: 'local' }); // 172.17.0.0/16
    const err = expectIpamError(
      () => ipam.requestPool({ scope: 'local', subnet: '172.17.5.0/24' }),
      'IPAM_ERR_OVERLAPPING_SUBNET'
    );
    expect(err).toMatchObject({ subnet: '172.17.5.0/24', existing: '172.17.0.0/16' });
    expectIpamError(() => ipam.requestPool({ scope: 'local', subnet: '172.16.0.0/12' }), 'IPAM_ERR_OVERLAPPING_SUBNET');
    expect(ipam.listPools('local')).toHaveLength(1);
  });

  it('skips explicit subnets when choosing predefined ones', () => {
    const ipam = new Ipam();
    expect(ipam.requestPool({ scope: 'local', subnet: '172.18.0.0/16' }).subnet).toBe('172.18.0.0/16');
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('172.17.0.0/16');
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('172.19.0.0/16');
  });

  it('skips a predefined /16 partly covered by a small explicit subnet', () => {
    const ipam = new Ipam();
    ipam.requestPool({ scope: 'local', subnet: '172.17.200.0/24' });
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('172.18.0.0/16');
    ipam.requestPool({ scope: 'local', subnet: '192.168.0.0/24' });
    const rest = localSubnets(ipam, 13); // 172.19 … 172.31
    expect(rest.at(-1)).toBe('172.31.0.0/16');
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('192.168.16.0/20');
  });

  it('avoids excluded prefixes (host routes, nameservers) when picking', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', exclude: ['172.17.0.0/16', '172.18.3.4/32'] });
    expect(pool.subnet).toBe('172.19.0.0/16');
  });

  it('pools in different scopes never conflict', () => {
    const ipam = new Ipam();
    ipam.requestPool({ scope: 'local', subnet: '10.0.0.0/24' });
    expect(ipam.requestPool({ scope: 'global' }).subnet).toBe('10.0.0.0/24');
  });

  it('every predefined local subnet lies inside one of the default pools', () => {
    const subnets = localSubnets(new Ipam(), 31);
    for (const subnet of subnets) {
      expect(LOCAL_DEFAULT_POOLS.some((pool) => cidrsOverlap(pool.base, subnet))).toBe(true);
    }
  });

  it('honours a requested prefix length and 0.0.0.0/N', () => {
    const ipam = new Ipam();
    expect(ipam.requestPool({ scope: 'local', prefixLength: 24 }).subnet).toBe('172.17.0.0/24');
    expect(ipam.requestPool({ scope: 'local', subnet: '0.0.0.0/24' }).subnet).toBe('172.17.1.0/24');
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('172.18.0.0/16');
    expectIpamError(() => ipam.requestPool({ scope: 'local', prefixLength: 12 }), 'IPAM_ERR_INVALID_POOL_SIZE');
    expectIpamError(() => ipam.requestPool({ scope: 'local', prefixLength: 40 }), 'IPAM_ERR_INVALID_POOL_SIZE');
  });
});

describe('global (swarm) subnet allocation', () => {
  it('splits 10.0.0.0/8 into /24s: ingress 10.0.0.0/24, then 10.0.1.0/24', () => {
    const ipam = new Ipam();
    const ingress = ipam.requestPool({ scope: 'global' });
    const first = ipam.requestPool({ scope: 'global' });
    expect([ingress.subnet, ingress.gateway]).toEqual(['10.0.0.0/24', '10.0.0.1']);
    expect([first.subnet, first.gateway]).toEqual(['10.0.1.0/24', '10.0.1.1']);
    expect(first.serial).toBe(true);
    expect(first.id).toBe('GlobalDefault/10.0.1.0/24');
  });

  it('uses configured default address pools (--default-addr-pool)', () => {
    const ipam = new Ipam({ globalPools: [{ base: '10.20.0.0/16', size: 26 }] });
    expect(ipam.requestPool({ scope: 'global' }).subnet).toBe('10.20.0.0/26');
    expect(ipam.requestPool({ scope: 'global' }).subnet).toBe('10.20.0.64/26');
  });

  it('sorts configured pools by address and drops ones overlapping an earlier pool', () => {
    const ipam = new Ipam({
      localPools: [
        { base: '10.1.0.0/16', size: 24 },
        { base: '10.0.0.0/30', size: 30 },
        { base: '10.0.0.0/8', size: 16 }
      ]
    });
    const subnets = localSubnets(ipam, 3);
    // Same address sorts the shorter prefix first (netiputil.PrefixCompare); 10.0.0.0/8 then swallows the rest.
    expect(subnets).toEqual(['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16']);
  });

  it('an empty pool list means the defaults', () => {
    const ipam = new Ipam({ localPools: [], globalPools: [] });
    expect(ipam.requestPool({ scope: 'local' }).subnet).toBe('172.17.0.0/16');
    expect(ipam.requestPool({ scope: 'global' }).subnet).toBe('10.0.0.0/24');
  });

  it('rejects bad pool configuration', () => {
    expectIpamError(() => new Ipam({ globalPools: [{ base: '10.0.0.0/16', size: 8 }] }), 'IPAM_ERR_INVALID_POOL_SIZE');
    expectIpamError(() => new Ipam({ globalPools: [{ base: '10.0.0.0/16', size: 33 }] }), 'IPAM_ERR_INVALID_POOL_SIZE');
    expectIpamError(() => new Ipam({ globalPools: [{ base: '10.0.0.1/16', size: 24 }] }), 'IPAM_ERR_INVALID_CIDR');
  });

  it('fills all 65536 /24s of 10.0.0.0/8, then reports exhaustion, then reuses a freed one', () => {
    const ipam = new Ipam();
    const pools = Array.from({ length: 65536 }, () => ipam.requestPool({ scope: 'global' }));
    expect(pools[255]!.subnet).toBe('10.0.255.0/24');
    expect(pools[256]!.subnet).toBe('10.1.0.0/24');
    expect(pools.at(-1)!.subnet).toBe('10.255.255.0/24');
    expectIpamError(() => ipam.requestPool({ scope: 'global' }), 'IPAM_ERR_POOL_EXHAUSTED');
    const freed = pools[40000]!;
    ipam.releasePool(freed.id);
    expectIpamError(() => ipam.getPool(freed.id), 'IPAM_ERR_UNKNOWN_POOL');
    expect(ipam.requestPool({ scope: 'global' }).subnet).toBe(freed.subnet);
  });
});
