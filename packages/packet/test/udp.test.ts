import { describe, expect, it } from 'vitest';
import { decodeUdp, encodeUdp, internetChecksum, ipv4PseudoHeaderSum } from '../src/index.js';
import { expectPacketError, flipped, hex, toHex } from './helpers.js';

// 10.0.0.1:1234 → 10.0.0.2:53, payload "hi"; checksum 7e67 hand-computed (see checksum.test.ts).
const DATAGRAM = hex('04d2 0035 000a 7e67 6869');
const SRC = '10.0.0.1';
const DST = '10.0.0.2';

describe('UDP', () => {
  it('decodes the hand-checked datagram', () => {
    expect(decodeUdp(DATAGRAM, SRC, DST)).toEqual({ srcPort: 1234, dstPort: 53, payload: hex('6869') });
  });

  it('encodes the same bytes', () => {
    expect(toHex(encodeUdp({ srcPort: 1234, dstPort: 53, payload: hex('6869') }, SRC, DST))).toBe(toHex(DATAGRAM));
  });

  it('verifies the pseudo-header: the same bytes between other hosts fail', () => {
    expectPacketError(() => decodeUdp(DATAGRAM, SRC, '10.0.0.3'), 'PACKET_ERR_BAD_CHECKSUM');
    expectPacketError(() => decodeUdp(flipped(DATAGRAM, 9), SRC, DST), 'PACKET_ERR_BAD_CHECKSUM');
  });

  it('accepts checksum 0 as "no checksum"', () => {
    const none = DATAGRAM.slice();
    none[6] = 0;
    none[7] = 0;
    expect(decodeUdp(none, SRC, DST).payload).toEqual(hex('6869'));
  });

  it('sends a computed checksum of 0 as ffff, which verifies', () => {
    // A payload word equal to the checksum of the zero-payload datagram brings the sum to ffff, i.e. checksum 0.
    const base = encodeUdp({ srcPort: 1, dstPort: 2, payload: new Uint8Array(2) }, SRC, DST);
    base[6] = 0;
    base[7] = 0;
    const word = internetChecksum(base, ipv4PseudoHeaderSum(SRC, DST, 17, 10));
    const payload = new Uint8Array([word >>> 8, word & 0xff]);
    const bytes = encodeUdp({ srcPort: 1, dstPort: 2, payload }, SRC, DST);
    expect(toHex(bytes.subarray(6, 8))).toBe('ffff');
    expect(decodeUdp(bytes, SRC, DST).payload).toEqual(payload);
  });

  it('checks the length field and ignores bytes beyond it', () => {
    const padded = new Uint8Array([...DATAGRAM, 0, 0, 0]);
    expect(decodeUdp(padded, SRC, DST).payload).toEqual(hex('6869'));
    const tooLong = hex('04d2 0035 000c 0000 6869');
    expectPacketError(() => decodeUdp(tooLong, SRC, DST), 'PACKET_ERR_TRUNCATED');
    const tooShort = hex('04d2 0035 0007 0000 6869');
    expectPacketError(() => decodeUdp(tooShort, SRC, DST), 'PACKET_ERR_BAD_LENGTH');
    expectPacketError(() => decodeUdp(DATAGRAM.subarray(0, 7), SRC, DST), 'PACKET_ERR_TRUNCATED');
  });

  it('validates ports, length and addresses on encode', () => {
    const d = { srcPort: 1, dstPort: 2, payload: new Uint8Array(0) };
    expectPacketError(() => encodeUdp({ ...d, dstPort: 65536 }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeUdp({ ...d, payload: new Uint8Array(65528) }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeUdp(d, SRC, 'localhost'), 'PACKET_ERR_BAD_ADDRESS');
  });
});
