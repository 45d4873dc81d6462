import { describe, expect, it } from 'vitest';
import {
  broadcastAddress,
  canonicalCidr,
  cidrContains,
  cidrsOverlap,
  cidrToPrefix,
  isCidr,
  networkAddress,
  parseCidr,
  prefixToNetmask
} from '../src/index.js';
import { expectAddrError } from './helpers.js';

describe('CIDR helpers', () => {
  it('parseCidr gives the prefix as numbers and keeps the written address', () => {
    expect(parseCidr('10.0.1.77/24')).toEqual({
      start: 0x0a000100,
      end: 0x0a0001ff,
      prefixLength: 24,
      written: 0x0a00014d
    });
    expect(parseCidr('0.0.0.0/0')).toEqual({ start: 0, end: 0xffffffff, prefixLength: 0, written: 0 });
    expect(parseCidr('255.255.255.255/32')).toMatchObject({ start: 0xffffffff, end: 0xffffffff });
    expect(networkAddress('10.0.1.77/24')).toBe('10.0.1.0');
    expect(networkAddress('192.168.5.9/20')).toBe('192.168.0.0');
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
    for (const bad of [33, -1, 1.5, Number.NaN]) {
      expect(expectAddrError(() => prefixToNetmask(bad), 'ADDR_ERR_INVALID_PREFIX_LENGTH')).toMatchObject({
        prefixLength: bad
      });
    }
  });

  it('broadcastAddress is the last address of the prefix', () => {
    expect(broadcastAddress('10.0.1.0/24')).toBe('10.0.1.255');
    expect(broadcastAddress('192.168.16.0/20')).toBe('192.168.31.255');
    expect(broadcastAddress('10.0.0.4/30')).toBe('10.0.0.7');
    expect(broadcastAddress('10.9.9.9/32')).toBe('10.9.9.9');
  });

  const malformed = [
    '10.0.1.0',
    '10.0.1.0/33',
    '10.0.1/24',
    '10.0.01.0/24',
    '010.0.0.0/8',
    '0x0a.0.0.0/8',
    '300.0.0.0/8',
    '',
    '/',
    'x/24',
    '10.0.0.0/-1',
    '10.0.0.0/024',
    '10.0.0.0/08',
    '1.2.3.4/033',
    '10.0.0.0/',
    '10.0.0.0/ 8',
    ' 10.0.0.0/8',
    '10.0.0.0/8 ',
    '10.0.0.0/8/8'
  ];
  it.each(malformed)('refuses malformed CIDR %j: parseCidr undefined, ADDR_ERR_INVALID_CIDR (syntax)', (cidr) => {
    expect(parseCidr(cidr)).toBeUndefined();
    expect(isCidr(cidr)).toBe(false);
    expect(expectAddrError(() => cidrToPrefix(cidr), 'ADDR_ERR_INVALID_CIDR')).toEqual({
      code: 'ADDR_ERR_INVALID_CIDR',
      cidr,
      reason: 'syntax'
    });
    expectAddrError(() => canonicalCidr(cidr), 'ADDR_ERR_INVALID_CIDR');
    expectAddrError(() => broadcastAddress(cidr), 'ADDR_ERR_INVALID_CIDR');
    expectAddrError(() => cidrContains(cidr, '10.0.0.1'), 'ADDR_ERR_INVALID_CIDR');
  });

  it('refuses IPv6 CIDRs with reason ipv6', () => {
    expect(expectAddrError(() => cidrToPrefix('fd00::/64'), 'ADDR_ERR_INVALID_CIDR')).toMatchObject({ reason: 'ipv6' });
    expect(expectAddrError(() => cidrsOverlap('10.0.0.0/8', '::/0'), 'ADDR_ERR_INVALID_CIDR')).toMatchObject({
      cidr: '::/0',
      reason: 'ipv6'
    });
  });

  it.each(['10.0.0', '10.0.0.256', '010.0.0.1', '10.0.0.1/24', 'localhost', '::1', ' 10.0.0.1'])(
    'cidrContains refuses malformed address %j with ADDR_ERR_INVALID_ADDRESS',
    (ip) => {
      expect(expectAddrError(() => cidrContains('10.0.0.0/8', ip), 'ADDR_ERR_INVALID_ADDRESS')).toEqual({
        code: 'ADDR_ERR_INVALID_ADDRESS',
        address: ip
      });
    }
  );
});
