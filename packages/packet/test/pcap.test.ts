import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { PcapWriter, readPcap } from '../src/index.js';
import { expectPacketError, hex, toHex } from './helpers.js';

describe('PcapWriter', () => {
  it('writes the classic little-endian global header (magic a1b2c3d4, v2.4, snaplen, Ethernet)', () => {
    const bytes = new PcapWriter().toBytes();
    expect(toHex(bytes)).toBe('d4c3b2a1' + '0200' + '0400' + '00000000' + '00000000' + '00000400' + '01000000');
  });

  it('writes record headers with µs timestamps from fractional ms', () => {
    const w = new PcapWriter();
    w.write(hex('0102'), 1500.25);
    expect(w.packetCount).toBe(1);
    // ts_sec 1, ts_usec 500250 (0x07a21a), incl_len 2, orig_len 2, data.
    expect(toHex(w.toBytes().subarray(24))).toBe('01000000' + '1aa20700' + '02000000' + '02000000' + '0102');
  });

  it('stamps frames with the clock, or 0 without one', () => {
    const clock = new ManualClock(5000);
    const w = new PcapWriter({ clock });
    w.write(hex('aa'));
    clock.tick(1);
    w.write(hex('bb'));
    expect(readPcap(w.toBytes()).packets.map((p) => p.timestampMs)).toEqual([5000, 5001]);
    const bare = new PcapWriter();
    bare.write(hex('cc'));
    expect(readPcap(bare.toBytes()).packets[0]!.timestampMs).toBe(0);
  });

  it('cuts frames at the snaplen, keeping the original length', () => {
    const w = new PcapWriter({ snaplen: 4 });
    w.write(hex('0102030405060708'), 0);
    const bytes = w.toBytes();
    expect(toHex(bytes.subarray(16, 20))).toBe('04000000');
    expect(toHex(bytes.subarray(24 + 8))).toBe('04000000' + '08000000' + '01020304');
  });

  it('copies frames and grows past its initial buffer; toBytes is a snapshot', () => {
    const w = new PcapWriter();
    const frame = new Uint8Array(1500).fill(7);
    for (let i = 0; i < 100; i++) w.write(frame, i);
    const snapshot = w.toBytes();
    frame.fill(9);
    w.write(frame, 100);
    const { linkType, packets } = readPcap(snapshot);
    expect(linkType).toBe(1); // LINKTYPE_ETHERNET in tcpdump.org's link-layer header types
    expect(packets).toHaveLength(100);
    expect(packets.every((p, i) => p.timestampMs === i && p.data.every((b) => b === 7))).toBe(true);
    expect(readPcap(w.toBytes()).packets).toHaveLength(101);
  });

  it('rejects timestamps and snaplens that do not fit the format', () => {
    const w = new PcapWriter();
    expectPacketError(() => w.write(hex('00'), -1), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => w.write(hex('00'), Number.NaN), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => w.write(hex('00'), 2 ** 32 * 1000), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => new PcapWriter({ snaplen: -1 }), 'PACKET_ERR_OUT_OF_RANGE');
    expect(w.packetCount).toBe(0);
  });
});

describe('readPcap', () => {
  it('reads big-endian and nanosecond files too', () => {
    const be = hex('a1b23c4d 0002 0004 00000000 00000000 0000ffff 00000001' + '00000002 000f4240 00000001 00000001 ee');
    const { linkType, packets } = readPcap(be);
    expect(linkType).toBe(1);
    expect(packets).toEqual([{ timestampMs: 2001, data: hex('ee') }]);
  });

  it('rejects bad magic, version and truncated records with codes', () => {
    const good = new PcapWriter();
    good.write(hex('0102'), 0);
    const bytes = good.toBytes();
    expectPacketError(() => readPcap(bytes.subarray(0, 23)), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => readPcap(new Uint8Array(24)), 'PACKET_ERR_UNSUPPORTED');
    const v3 = bytes.slice();
    v3[4] = 3;
    expectPacketError(() => readPcap(v3), 'PACKET_ERR_BAD_VERSION');
    expectPacketError(() => readPcap(bytes.subarray(0, 24 + 10)), 'PACKET_ERR_TRUNCATED');
    expectPacketError(() => readPcap(bytes.subarray(0, bytes.length - 1)), 'PACKET_ERR_TRUNCATED');
  });
});
