import { describe, expect, it } from 'vitest';
import {
  IpProtocol,
  decodeTcp,
  encodeTcp,
  internetChecksum,
  ipv4PseudoHeaderSum,
  type TcpFlags,
  type TcpSegment
} from '../src/index.js';
import { expectPacketError, flipped, hex, toHex } from './helpers.js';

const SRC = '172.17.0.2';
const DST = '172.17.0.3';
const NO_FLAGS: TcpFlags = { fin: false, syn: false, rst: false, psh: false, ack: false, urg: false };

// SYN 172.17.0.2:40000 → 172.17.0.3:80, seq 01020304, window 64240, MSS 1460; checksum a477 computed
// independently (Python) over pseudo-header + segment.
const SYN = hex('9c40 0050 01020304 00000000 60 02 faf0 a477 0000 020405b4');
const SYN_FIELDS: TcpSegment = {
  srcPort: 40000,
  dstPort: 80,
  seq: 0x01020304,
  ack: 0,
  flags: { ...NO_FLAGS, syn: true },
  window: 64240,
  urgentPointer: 0,
  mss: 1460,
  payload: new Uint8Array(0)
};

/** A segment with raw option bytes and a correct checksum (SYN's fixed header, data offset adjusted). */
function withOptions(options: Uint8Array, payload = hex('')): Uint8Array {
  const seg = new Uint8Array(20 + options.length + payload.length);
  seg.set(SYN.subarray(0, 16));
  seg[12] = ((20 + options.length) / 4) << 4;
  seg.set(options, 20);
  seg.set(payload, 20 + options.length);
  const checksum = internetChecksum(seg, ipv4PseudoHeaderSum(SRC, DST, IpProtocol.TCP, seg.length));
  seg[16] = checksum >>> 8;
  seg[17] = checksum & 0xff;
  return seg;
}

describe('TCP', () => {
  it('decodes the hand-checked SYN with its MSS option', () => {
    expect(decodeTcp(SYN, SRC, DST)).toEqual(SYN_FIELDS);
  });

  it('encodes the same SYN', () => {
    expect(toHex(encodeTcp(SYN_FIELDS, SRC, DST))).toBe(toHex(SYN));
  });

  it('round-trips every flag, ack, urgent pointer and payload without MSS', () => {
    const seg: TcpSegment = {
      srcPort: 80,
      dstPort: 40000,
      seq: 0xffffffff,
      ack: 0x80000000,
      flags: { fin: true, syn: false, rst: true, psh: true, ack: true, urg: true },
      window: 0,
      urgentPointer: 0xffff,
      payload: hex('48454c4c4f')
    };
    const bytes = encodeTcp(seg, DST, SRC);
    expect(bytes[12]).toBe(0x50);
    expect(bytes[13]).toBe(0x3d);
    expect(decodeTcp(bytes, DST, SRC)).toEqual(seg);
  });

  it('skips NOP and unknown options to find MSS, and stops at EOL', () => {
    // NOP, NOP, timestamps (kind 8, len 10), MSS 1400, window scale (kind 3, len 3), EOL.
    const options = hex('0101 080a0000000100000000 02040578 030307 00');
    const seg = decodeTcp(withOptions(options, hex('ab')), SRC, DST);
    expect(seg.mss).toBe(1400);
    expect(toHex(seg.payload)).toBe('ab');
    expect(decodeTcp(withOptions(hex('00 020405b4 000000')), SRC, DST).mss).toBeUndefined();
  });

  it('tolerates malformed options the way Linux does: stop parsing, keep the segment', () => {
    expect(decodeTcp(withOptions(hex('0201 0000')), SRC, DST).mss).toBeUndefined();
    expect(decodeTcp(withOptions(hex('0101 0208')), SRC, DST).mss).toBeUndefined();
    expect(decodeTcp(withOptions(hex('0203 05b4')), SRC, DST).mss).toBeUndefined();
    expect(decodeTcp(withOptions(hex('010101 02')), SRC, DST).mss).toBeUndefined();
  });

  it('rejects flipped bytes, wrong addresses and bad data offsets', () => {
    expectPacketError(() => decodeTcp(flipped(SYN, 5), SRC, DST), 'PACKET_ERR_BAD_CHECKSUM');
    expectPacketError(() => decodeTcp(SYN, SRC, '172.17.0.4'), 'PACKET_ERR_BAD_CHECKSUM');
    const lowOffset = SYN.slice();
    lowOffset[12] = 0x40;
    expectPacketError(() => decodeTcp(lowOffset, SRC, DST), 'PACKET_ERR_BAD_HEADER_LENGTH');
    const highOffset = SYN.slice();
    highOffset[12] = 0x70;
    expectPacketError(() => decodeTcp(highOffset, SRC, DST), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => decodeTcp(SYN.subarray(0, 19), SRC, DST), 'PACKET_ERR_TRUNCATED');
  });

  it('validates field ranges on encode', () => {
    expectPacketError(() => encodeTcp({ ...SYN_FIELDS, seq: 2 ** 32 }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeTcp({ ...SYN_FIELDS, ack: -1 }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeTcp({ ...SYN_FIELDS, window: 65536 }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeTcp({ ...SYN_FIELDS, mss: 70000 }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeTcp({ ...SYN_FIELDS, srcPort: 1.5 }, SRC, DST), 'PACKET_ERR_OUT_OF_RANGE');
  });
});
