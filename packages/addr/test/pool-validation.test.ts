import { describe, expect, it } from 'vitest';
import { SwarmsimError } from '@swarmsim/interface';
import { Ipam } from '../src/index.js';
import { expectIpamError } from './helpers.js';

describe('pool request validation', () => {
  it('refuses a subnet with host bits set, naming the canonical form (Docker ≥ 25)', () => {
    const err = expectIpamError(
      () => new Ipam().requestPool({ scope: 'local', subnet: '172.30.1.5/16' }),
      'IPAM_ERR_INVALID_CIDR'
    );
    expect(err).toMatchObject({ cidr: '172.30.1.5/16', reason: 'host-bits', expected: '172.30.0.0/16' });
  });

  it.each(['172.30.0.0', '172.30.0.0/40', 'banana', 'fd00::/64'])('refuses subnet %j', (subnet) => {
    expectIpamError(() => new Ipam().requestPool({ scope: 'local', subnet }), 'IPAM_ERR_INVALID_CIDR');
  });

  it('refuses an ip-range outside, larger than, or without a subnet, or with host bits', () => {
    const ipam = new Ipam();
    const outside = expectIpamError(
      () => ipam.requestPool({ scope: 'local', subnet: '10.1.0.0/24', ipRange: '10.1.1.0/25' }),
      'IPAM_ERR_INVALID_IP_RANGE'
    );
    expect(outside).toMatchObject({ ipRange: '10.1.1.0/25', subnet: '10.1.0.0/24' });
    expectIpamError(
      () => ipam.requestPool({ scope: 'local', subnet: '10.1.0.0/24', ipRange: '10.1.0.0/23' }),
      'IPAM_ERR_INVALID_IP_RANGE'
    );
    expectIpamError(() => ipam.requestPool({ scope: 'local', ipRange: '172.17.0.0/24' }), 'IPAM_ERR_INVALID_IP_RANGE');
    const hostBits = expectIpamError(
      () => ipam.requestPool({ scope: 'local', subnet: '10.1.0.0/24', ipRange: '10.1.0.9/25' }),
      'IPAM_ERR_INVALID_IP_RANGE'
    );
    expect(hostBits).toMatchObject({ expected: '10.1.0.0/25' });
    expect(ipam.listPools()).toEqual([]);
  });

  it('refuses a gateway outside the subnet or without one; accepts one outside the ip-range', () => {
    const ipam = new Ipam();
    const err = expectIpamError(
      () => ipam.requestPool({ scope: 'local', subnet: '10.2.0.0/24', gateway: '10.2.1.1' }),
      'IPAM_ERR_INVALID_GATEWAY'
    );
    expect(err).toMatchObject({ gateway: '10.2.1.1', subnet: '10.2.0.0/24' });
    expectIpamError(() => ipam.requestPool({ scope: 'local', gateway: '172.17.0.1' }), 'IPAM_ERR_INVALID_GATEWAY');
    const badGateway = { scope: 'local', subnet: '10.2.0.0/24', gateway: '10.2.0' } as const;
    expectIpamError(() => ipam.requestPool(badGateway), 'IPAM_ERR_INVALID_ADDRESS');
    const pool = ipam.requestPool({
      scope: 'local',
      subnet: '10.2.0.0/24',
      ipRange: '10.2.0.128/25',
      gateway: '10.2.0.1'
    });
    expect(pool.gateway).toBe('10.2.0.1');
    expect(ipam.requestAddress(pool.id)).toBe('10.2.0.128');
  });

  it('a gateway on the network or broadcast address is in use, and nothing is left allocated', () => {
    const ipam = new Ipam();
    const err = expectIpamError(
      () => ipam.requestPool({ scope: 'local', subnet: '10.3.0.0/24', gateway: '10.3.0.255' }),
      'IPAM_ERR_ADDRESS_IN_USE'
    );
    expect(err).toMatchObject({ reserved: 'broadcast' });
    expect(ipam.requestPool({ scope: 'local', subnet: '10.3.0.0/24' }).subnet).toBe('10.3.0.0/24');
  });

  it('unknown or released pool ids give IPAM_ERR_UNKNOWN_POOL everywhere', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'global' });
    ipam.releasePool(pool.id);
    const calls: Array<() => unknown> = [
      () => ipam.requestAddress(pool.id),
      () => ipam.releaseAddress(pool.id, '10.0.0.2'),
      () => ipam.releasePool(pool.id),
      () => ipam.getPool('LocalDefault/1.2.3.0/24'),
      () => ipam.status(pool.id),
      () => ipam.inUse(pool.id)
    ];
    for (const call of calls) {
      expect(expectIpamError(call, 'IPAM_ERR_UNKNOWN_POOL')).toMatchObject({ code: 'IPAM_ERR_UNKNOWN_POOL' });
    }
    expect(() => ipam.available(pool.id)).toThrow(SwarmsimError);
  });

  it('a released subnet can be requested explicitly again, with fresh addresses', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '10.4.0.0/24' });
    ipam.requestAddress(pool.id);
    ipam.releasePool(pool.id);
    const again = ipam.requestPool({ scope: 'local', subnet: '10.4.0.0/24' });
    expect(again.id).toBe(pool.id);
    expect(ipam.requestAddress(again.id)).toBe('10.4.0.2');
  });
});

describe('IPAM refusals of malformed text (the package grammar, IPAM codes)', () => {
  it.each(['010.0.0.0/8', '10.0.0.0/08', '1.2.3.4/033', '1.2.3.4/33', '1.2.3/24', ' 10.0.0.0/8', '10.0.0.0/8\n'])(
    'requestPool refuses subnet %j with IPAM_ERR_INVALID_CIDR (syntax)',
    (subnet) => {
      const err = expectIpamError(() => new Ipam().requestPool({ scope: 'local', subnet }), 'IPAM_ERR_INVALID_CIDR');
      expect(err).toEqual({ code: 'IPAM_ERR_INVALID_CIDR', cidr: subnet, reason: 'syntax' });
    }
  );

  it.each(['010.0.0.1', '1.2.3', '1.2.3.4.5', '256.0.0.1', ' 1.2.3.4'])(
    'refuses address %j with IPAM_ERR_INVALID_ADDRESS (gateway and --ip)',
    (ip) => {
      const ipam = new Ipam();
      const gateway = { scope: 'local', subnet: '10.2.0.0/24', gateway: ip } as const;
      expect(expectIpamError(() => ipam.requestPool(gateway), 'IPAM_ERR_INVALID_ADDRESS')).toEqual({
        code: 'IPAM_ERR_INVALID_ADDRESS',
        ip
      });
      const pool = ipam.requestPool({ scope: 'local' });
      expectIpamError(() => ipam.requestAddress(pool.id, { ip }), 'IPAM_ERR_INVALID_ADDRESS');
      expect(ipam.inUse(pool.id)).toEqual(['172.17.0.1']);
    }
  );
});
