import { describe, expect, it } from 'vitest';
import {
  broadcastAddress,
  canonicalCidr,
  cidrContains,
  cidrsOverlap,
  parseCidr,
  prefixToNetmask
} from '../../src/ipam/index.js';
import { expectIpamError } from './helpers.js';

describe('CIDR helpers', () => {
  it('parseCidr splits network and prefix length, clearing host bits', () => {
    expect(parseCidr('10.0.1.0/24')).toEqual({ network: '10.0.1.0', prefixLength: 24 });
    expect(parseCidr('10.0.1.77/24')).toEqual({ network: '10.0.1.0', prefixLength: 24 });
    expect(parseCidr('192.168.5.9/20')).toEqual({ network: '192.168.0.0', prefixLength: 20 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ network: '0.0.0.0', prefixLength: 0 });
    expect(canonicalCidr('172.30.1.5/16')).toBe('172.30.0.0/16');
  });

  it('cidrContains checks membership at the edges', () => {
    expect(cidrContains('10.0.1.0/24', '10.0.1.0')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.1.255')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.2.0')).toBe(false);
    expect(cidrContains('10.0.0.255/32', '10.0.0.255')).toBe(true);
    expect(cidrContains('0.0.0.0/0', '255.255.255.255')).toBe(true);
  });

  it('cidrsOverlap is true for nesting and false for neighbours', () => {
    expect(cidrsOverlap('172.20.0.0/14', '172.22.0.0/16')).toBe(true);
    expect(cidrsOverlap('172.22.0.0/16', '172.20.0.0/14')).toBe(true);
    expect(cidrsOverlap('172.17.0.0/16', '172.18.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/25', '10.0.0.128/25')).toBe(false);
  });

  it('prefixToNetmask converts lengths, including the extremes', () => {
    expect(prefixToNetmask(24)).toBe('255.255.255.0');
    expect(prefixToNetmask(20)).toBe('255.255.240.0');
    expect(prefixToNetmask(0)).toBe('0.0.0.0');
    expect(prefixToNetmask(32)).toBe('255.255.255.255');
    expectIpamError(() => prefixToNetmask(33), 'IPAM_ERR_INVALID_CIDR');
    expectIpamError(() => prefixToNetmask(1.5), 'IPAM_ERR_INVALID_CIDR');
  });

  it('broadcastAddress is the last address of the prefix', () => {
    expect(broadcastAddress('10.0.1.0/24')).toBe('10.0.1.255');
    expect(broadcastAddress('192.168.16.0/20')).toBe('192.168.31.255');
    expect(broadcastAddress('10.0.0.4/30')).toBe('10.0.0.7');
    expect(broadcastAddress('10.9.9.9/32')).toBe('10.9.9.9');
  });

  const malformed = ['10.0.1.0', '10.0.1.0/33', '10.0.1/24', '10.0.01.0/24', '0x0a.0.0.0/8', '300.0.0.0/8', '', 'x/24'];
  it.each([...malformed, '10.0.0.0/-1', '10.0.0.0/024'])(
    'rejects malformed CIDR %j with IPAM_ERR_INVALID_CIDR',
    (cidr) => {
      const err = expectIpamError(() => parseCidr(cidr), 'IPAM_ERR_INVALID_CIDR');
      expect(err).toMatchObject({ cidr, reason: 'syntax' });
    }
  );

  it('rejects IPv6 CIDRs with reason ipv6', () => {
    expect(expectIpamError(() => parseCidr('fd00::/64'), 'IPAM_ERR_INVALID_CIDR')).toMatchObject({ reason: 'ipv6' });
  });

  it.each(['10.0.0', '10.0.0.256', '010.0.0.1', '10.0.0.1/24', 'localhost', '::1'])(
    'rejects malformed address %j with IPAM_ERR_INVALID_ADDRESS',
    (ip) => {
      expect(expectIpamError(() => cidrContains('10.0.0.0/8', ip), 'IPAM_ERR_INVALID_ADDRESS')).toMatchObject({ ip });
    }
  );
});
