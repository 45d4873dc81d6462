import { describe, expect, it } from 'vitest';
import {
  BROADCAST_MAC,
  ZERO_MAC,
  bytesToIpv4,
  bytesToMac,
  ipv4ToBytes,
  ipv4ToUint32,
  isValidIpv4,
  isValidMac,
  macFromIpv4,
  macToBytes,
  uint32ToIpv4
} from '../src/index.js';
import { expectPacketError, hex, toHex } from './helpers.js';

describe('MAC addresses', () => {
  it('converts between colon form and bytes, at an offset, lowercasing', () => {
    expect(toHex(macToBytes('02:42:AC:11:00:02'))).toBe('0242ac110002');
    expect(bytesToMac(hex('ffff 0242ac110003'), 2)).toBe('02:42:ac:11:00:03');
    expect(toHex(macToBytes(BROADCAST_MAC))).toBe('ffffffffffff');
    expect(toHex(macToBytes(ZERO_MAC))).toBe('000000000000');
  });

  it('validates the colon form', () => {
    expect(isValidMac('02:42:ac:11:00:02')).toBe(true);
    const bad = [
      '02:42:ac:11:00',
      '02-42-ac-11-00-02',
      '02:42:ac:11:00:0g',
      '02:42:ac:11:00:023',
      '',
      'ü2:42:ac:11:00:02'
    ];
    for (const s of bad) {
      expect(isValidMac(s)).toBe(false);
      expectPacketError(() => macToBytes(s), 'PACKET_ERR_BAD_ADDRESS');
    }
  });

  it('refuses to read past the buffer', () => {
    expectPacketError(() => bytesToMac(new Uint8Array(5)), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => bytesToMac(new Uint8Array(8), 3), 'PACKET_ERR_TRUNCATED');
  });

  it("derives Docker's 02:42 MAC from the IPv4 address", () => {
    expect(macFromIpv4('172.17.0.2')).toBe('02:42:ac:11:00:02');
    expect(macFromIpv4('10.0.1.255')).toBe('02:42:0a:00:01:ff');
  });
});

describe('IPv4 addresses', () => {
  it('converts to an unsigned 32-bit number and back', () => {
    expect(ipv4ToUint32('255.255.255.255')).toBe(4294967295);
    expect(ipv4ToUint32('172.17.0.2')).toBe(((172 << 24) >>> 0) + (17 << 16) + 2);
    expect(uint32ToIpv4(0xc0a80001)).toBe('192.168.0.1');
    expect(uint32ToIpv4(0)).toBe('0.0.0.0');
    expectPacketError(() => uint32ToIpv4(2 ** 32), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => uint32ToIpv4(-1), 'PACKET_ERR_OUT_OF_RANGE');
  });

  it('converts to network-order bytes and back', () => {
    expect(toHex(ipv4ToBytes('192.168.99.100'))).toBe('c0a86364');
    expect(bytesToIpv4(hex('00 0a000103'), 1)).toBe('10.0.1.3');
    expectPacketError(() => bytesToIpv4(new Uint8Array(3)), 'PACKET_ERR_TRUNCATED');
  });

  it('accepts only plain dotted quads', () => {
    expect(isValidIpv4('0.0.0.0')).toBe(true);
    const bad = ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1..2.3', '1.2.3.4 ', '', 'a.b.c.d', '1.2.3.1000'];
    for (const s of bad) {
      expect(isValidIpv4(s)).toBe(false);
      expectPacketError(() => ipv4ToBytes(s), 'PACKET_ERR_BAD_ADDRESS');
    }
  });
});
