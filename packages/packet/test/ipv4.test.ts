import { describe, expect, it } from 'vitest';
import { IpProtocol, decodeIpv4, encodeIpv4, type Ipv4Packet } from '../src/index.js';
import { expectPacketError, flipped, hex, toHex } from './helpers.js';

// The classic header (Wikipedia, "IPv4 header checksum"): 192.168.0.1 → 192.168.0.199, UDP, DF, ttl 64,
// total length 0x73 = 115, checksum b861.
const HEADER = hex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
const PAYLOAD = new Uint8Array(115 - 20).map((_, i) => i);
const PACKET = new Uint8Array([...HEADER, ...PAYLOAD]);

const FIELDS: Ipv4Packet = {
  tos: 0,
  identification: 0,
  dontFragment: true,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 64,
  protocol: IpProtocol.UDP,
  src: '192.168.0.1',
  dst: '192.168.0.199',
  options: new Uint8Array(0),
  payload: PAYLOAD
};

describe('IPv4', () => {
  it('decodes the known header, exposing computed fields', () => {
    const p = decodeIpv4(PACKET);
    expect(p).toMatchObject({ ...FIELDS, headerLength: 20, totalLength: 115, checksum: 0xb861 });
    expect(p.payload.buffer).toBe(PACKET.buffer);
  });

  it('encodes the same bytes, computing length and checksum', () => {
    expect(toHex(encodeIpv4(FIELDS))).toBe(toHex(PACKET));
  });

  it('encodes options into IHL and round-trips fragment fields', () => {
    const p = { ...FIELDS, options: hex('01010100'), moreFragments: true, dontFragment: false, fragmentOffset: 0x1abc };
    const bytes = encodeIpv4(p);
    expect(bytes[0]).toBe(0x46);
    expect(decodeIpv4(bytes)).toMatchObject({ ...p, headerLength: 24, totalLength: 24 + PAYLOAD.length });
  });

  it('ignores Ethernet padding after the total length', () => {
    const padded = new Uint8Array(PACKET.length + 7);
    padded.set(PACKET);
    expect(decodeIpv4(padded).payload.length).toBe(PAYLOAD.length);
  });

  it('rejects a flipped header byte with a checksum error', () => {
    expectPacketError(() => decodeIpv4(flipped(PACKET, 8)), 'PACKET_ERR_BAD_CHECKSUM');
    expectPacketError(() => decodeIpv4(flipped(PACKET, 15)), 'PACKET_ERR_BAD_CHECKSUM');
  });

  it('rejects bad version, IHL and lying total lengths', () => {
    expectPacketError(() => decodeIpv4(flipped(PACKET, 0, 0x20)), 'PACKET_ERR_BAD_VERSION');
    expectPacketError(() => decodeIpv4(flipped(PACKET, 0, 0x01)), 'PACKET_ERR_BAD_HEADER_LENGTH');
    expectPacketError(() => decodeIpv4(flipped(HEADER, 0, 0x0a)), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => decodeIpv4(PACKET.subarray(0, 114)), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => decodeIpv4(PACKET.subarray(0, 19)), 'PACKET_ERR_TRUNCATED');
    const short = PACKET.slice();
    short[3] = 19;
    expectPacketError(() => decodeIpv4(short), 'PACKET_ERR_BAD_LENGTH');
  });

  it('validates field ranges and option size on encode', () => {
    expectPacketError(() => encodeIpv4({ ...FIELDS, ttl: 256 }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeIpv4({ ...FIELDS, fragmentOffset: 0x2000 }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeIpv4({ ...FIELDS, identification: 1.5 }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeIpv4({ ...FIELDS, payload: new Uint8Array(65516) }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeIpv4({ ...FIELDS, options: new Uint8Array(3) }), 'PACKET_ERR_BAD_HEADER_LENGTH');
    expectPacketError(() => encodeIpv4({ ...FIELDS, options: new Uint8Array(44) }), 'PACKET_ERR_BAD_HEADER_LENGTH');
    expectPacketError(() => encodeIpv4({ ...FIELDS, dst: '192.168.0.300' }), 'PACKET_ERR_BAD_ADDRESS');
  });
});
