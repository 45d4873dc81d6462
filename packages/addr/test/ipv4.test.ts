import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIpv4,
  ipv4ToUint32,
  isIpv4,
  maskPrefixLength,
  parseIpv4,
  parsePrefixLength,
  prefixMask,
  prefixOf
} from '../src/index.js';
import { expectAddrError } from './helpers.js';

// Go's net.ParseIP (Go ≥ 1.17, what Docker uses) is the reference: these are its answers for the same texts.
const VALID: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 0],
  ['10.0.0.1', 0x0a000001],
  ['172.17.0.2', 0xac110002],
  ['192.168.99.100', 0xc0a86364],
  ['255.255.255.255', 0xffffffff],
  ['1.20.100.0', 0x01146400]
];

const INVALID = [
  '010.0.0.1',
  '10.0.0.01',
  '10.00.0.1',
  '00.0.0.0',
  '1.2.3',
  '10.1',
  '1',
  '1.2.3.4.5',
  '1.2.3.',
  '.1.2.3',
  '1..2.3',
  '256.0.0.1',
  '1.2.3.1000',
  '1.2.3.0256',
  ' 1.2.3.4',
  '1.2.3.4 ',
  '1.2.3.4\n',
  '1.2.3.4\t',
  '1. 2.3.4',
  '0x0a.0.0.1',
  '0xa000001',
  '167772161',
  '+1.2.3.4',
  '1.2.3.-4',
  '１.2.3.4',
  '1.2.3.4/32',
  '',
  'localhost',
  '::1',
  '::ffff:1.2.3.4'
];

describe('parseIpv4: the one IPv4 grammar', () => {
  it.each(VALID)('accepts %j', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(isIpv4(text)).toBe(true);
    expect(ipv4ToUint32(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });

  it.each(INVALID)('refuses %j (undefined; ADDR_ERR_INVALID_ADDRESS from ipv4ToUint32)', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
    expect(isIpv4(text)).toBe(false);
    expect(expectAddrError(() => ipv4ToUint32(text), 'ADDR_ERR_INVALID_ADDRESS')).toEqual({
      code: 'ADDR_ERR_INVALID_ADDRESS',
      address: text
    });
  });

  it('refuses non-strings without throwing', () => {
    expect(parseIpv4(167772161 as unknown as string)).toBeUndefined();
    expect(parseIpv4(undefined as unknown as string)).toBeUndefined();
  });

  it('agrees with the grammar written as a regex, and formatIpv4 is its inverse (property)', () => {
    const OCTET = '(?:0|[1-9]\\d{0,2})';
    const strict = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
    const reference = (s: string) => strict.test(s) && s.split('.').every((o) => Number(o) <= 255);
    const digitsAndDots = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ' ', 'x'), maxLength: 17 });
    fc.assert(
      fc.property(digitsAndDots, (s) => isIpv4(s) === reference(s)),
      { numRuns: 5000 }
    );
    const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(fc.property(octets, (o) => isIpv4(o.join('.')) && formatIpv4(parseIpv4(o.join('.'))!) === o.join('.')));
    fc.assert(fc.property(fc.nat(0xffffffff), (n) => parseIpv4(formatIpv4(n)) === n));
  });

  it('formatIpv4 refuses numbers that are not an address with ADDR_ERR_OUT_OF_RANGE', () => {
    for (const value of [-1, 2 ** 32, 1.5, Number.NaN]) {
      expect(expectAddrError(() => formatIpv4(value), 'ADDR_ERR_OUT_OF_RANGE')).toMatchObject({ value });
    }
  });
});

describe('prefix lengths and masks', () => {
  it('parsePrefixLength takes 0–32 without leading zeros, sign or whitespace', () => {
    for (let n = 0; n <= 32; n++) expect(parsePrefixLength(String(n))).toBe(n);
    for (const bad of ['', '33', '99', '08', '00', '033', '-1', '+8', ' 8', '8 ', '1e1', 'x', '३२']) {
      expect(parsePrefixLength(bad)).toBeUndefined();
    }
  });

  it('prefixMask and maskPrefixLength are inverse for contiguous masks; others are -1', () => {
    expect(prefixMask(0)).toBe(0);
    expect(prefixMask(16)).toBe(0xffff0000);
    expect(prefixMask(32)).toBe(0xffffffff);
    for (let n = 0; n <= 32; n++) expect(maskPrefixLength(prefixMask(n))).toBe(n);
    expect(maskPrefixLength(0xff00ff00)).toBe(-1);
    expect(maskPrefixLength(0x00000001)).toBe(-1);
    expect(maskPrefixLength(-256)).toBe(24); // a signed int32 mask, as `x << n` leaves it
  });

  it('prefixOf gives the network and broadcast of an address', () => {
    expect(prefixOf(0x0a00014d, 24)).toEqual({ start: 0x0a000100, end: 0x0a0001ff, prefixLength: 24 });
    expect(prefixOf(0xffffffff, 0)).toEqual({ start: 0, end: 0xffffffff, prefixLength: 0 });
    expect(prefixOf(0x0a000007, 31)).toEqual({ start: 0x0a000006, end: 0x0a000007, prefixLength: 31 });
  });
});
