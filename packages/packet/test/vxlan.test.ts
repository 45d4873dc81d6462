import { describe, expect, it } from 'vitest';
import { VXLAN_UDP_PORT, decodeVxlan, encodeVxlan } from '../src/index.js';
import { expectPacketError, hex, toHex } from './helpers.js';

// RFC 7348 header: flags 08 (I), 24 reserved bits, VNI 0x001001 = 4097, 8 reserved bits.
const HEADER = hex('08 000000 001001 00');

describe('VXLAN', () => {
  it('uses the IANA port', () => {
    expect(VXLAN_UDP_PORT).toBe(4789);
  });

  it('decodes VNI 4097 with the inner frame as a view', () => {
    const bytes = new Uint8Array([...HEADER, 0xaa, 0xbb]);
    const p = decodeVxlan(bytes);
    expect(p.vni).toBe(4097);
    expect(toHex(p.payload)).toBe('aabb');
    expect(p.payload.buffer).toBe(bytes.buffer);
  });

  it('encodes the same header', () => {
    expect(toHex(encodeVxlan({ vni: 4097, payload: hex('aabb') }))).toBe(toHex(HEADER) + 'aabb');
  });

  it('ignores reserved bits on decode', () => {
    expect(decodeVxlan(hex('ff ffffff 00ffff ff')).vni).toBe(0xffff);
  });

  it('requires the I flag', () => {
    expectPacketError(() => decodeVxlan(hex('00 000000 001001 00')), 'PACKET_ERR_BAD_FLAGS');
    expectPacketError(() => decodeVxlan(hex('f7 000000 001001 00')), 'PACKET_ERR_BAD_FLAGS');
  });

  it('rejects truncation and out-of-range VNIs', () => {
    expectPacketError(() => decodeVxlan(HEADER.subarray(0, 7)), 'PACKET_ERR_TRUNCATED');
    expect(decodeVxlan(encodeVxlan({ vni: 0xffffff, payload: hex('') })).vni).toBe(0xffffff);
    expectPacketError(() => encodeVxlan({ vni: 0x1000000, payload: hex('') }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeVxlan({ vni: -1, payload: hex('') }), 'PACKET_ERR_OUT_OF_RANGE');
  });
});
