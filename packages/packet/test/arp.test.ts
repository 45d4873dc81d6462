import { describe, expect, it } from 'vitest';
import { ZERO_MAC, decodeArp, encodeArp, type ArpPacket } from '../src/index.js';
import { expectPacketError, hex, toHex } from './helpers.js';

// who-has 172.17.0.3 tell 172.17.0.2: htype 1, ptype 0800, hlen 6, plen 4, op 1, sender, target.
const REQUEST = hex('0001 0800 06 04 0001 0242ac110002 ac110002 000000000000 ac110003');
const REQUEST_FIELDS: ArpPacket = {
  operation: 1,
  senderMac: '02:42:ac:11:00:02',
  senderIp: '172.17.0.2',
  targetMac: ZERO_MAC,
  targetIp: '172.17.0.3'
};

describe('ARP', () => {
  it('decodes a hand-checked request', () => {
    expect(decodeArp(REQUEST)).toEqual(REQUEST_FIELDS);
  });

  it('encodes the same request byte for byte', () => {
    expect(toHex(encodeArp(REQUEST_FIELDS))).toBe(toHex(REQUEST));
  });

  it('round-trips a reply and ignores trailing Ethernet padding', () => {
    const reply: ArpPacket = {
      operation: 2,
      senderMac: '02:42:ac:11:00:03',
      senderIp: '172.17.0.3',
      targetMac: '02:42:ac:11:00:02',
      targetIp: '172.17.0.2'
    };
    const padded = new Uint8Array(46);
    padded.set(encodeArp(reply));
    expect(decodeArp(padded)).toEqual(reply);
  });

  it('rejects non-Ethernet/IPv4 ARP and unknown operations as unsupported', () => {
    expectPacketError(() => decodeArp(hex('0006 0800 0604 0001')), 'PACKET_ERR_UNSUPPORTED');
    expectPacketError(() => decodeArp(hex('0001 86dd 0610 0001')), 'PACKET_ERR_UNSUPPORTED');
    const rarp = REQUEST.slice();
    rarp[7] = 3;
    expectPacketError(() => decodeArp(rarp), 'PACKET_ERR_UNSUPPORTED');
  });

  it('rejects truncated packets', () => {
    expectPacketError(() => decodeArp(REQUEST.subarray(0, 27)), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => decodeArp(REQUEST.subarray(0, 5)), 'PACKET_ERR_TRUNCATED');
  });

  it('validates operation and addresses on encode', () => {
    expectPacketError(() => encodeArp({ ...REQUEST_FIELDS, operation: 3 as 1 }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeArp({ ...REQUEST_FIELDS, targetIp: '172.17.0' }), 'PACKET_ERR_BAD_ADDRESS');
  });
});
