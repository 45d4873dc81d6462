import { describe, expect, it } from 'vitest';
import { BROADCAST_MAC, EtherType, decodeEthernet, encodeEthernet } from '../src/index.js';
import { expectPacketError, hex, toHex } from './helpers.js';

// Broadcast ARP frame header from 02:42:ac:11:00:02, followed by two payload bytes.
const FIXTURE = hex('ffffffffffff 0242ac110002 0806 abcd');

describe('Ethernet II', () => {
  it('decodes a raw frame with a zero-copy payload', () => {
    const frame = decodeEthernet(FIXTURE);
    expect(frame).toMatchObject({ dst: BROADCAST_MAC, src: '02:42:ac:11:00:02', etherType: EtherType.ARP });
    expect(toHex(frame.payload)).toBe('abcd');
    expect(frame.payload.buffer).toBe(FIXTURE.buffer);
  });

  it('encodes the same bytes, without padding or FCS', () => {
    const frame = { dst: BROADCAST_MAC, src: '02:42:ac:11:00:02', etherType: 0x0806, payload: hex('abcd') };
    const bytes = encodeEthernet(frame);
    expect(toHex(bytes)).toBe(toHex(FIXTURE));
  });

  it('accepts a bare 14-byte header and rejects anything shorter', () => {
    expect(decodeEthernet(FIXTURE.subarray(0, 14)).payload.length).toBe(0);
    expectPacketError(() => decodeEthernet(FIXTURE.subarray(0, 13)), 'PACKET_ERR_TRUNCATED');
  });

  it('validates addresses and EtherType on encode', () => {
    const frame = { dst: BROADCAST_MAC, src: '02:42:ac:11:00:02', etherType: 0x0800, payload: new Uint8Array(0) };
    expectPacketError(() => encodeEthernet({ ...frame, src: 'nope' }), 'PACKET_ERR_BAD_ADDRESS');
    expectPacketError(() => encodeEthernet({ ...frame, etherType: 0x10000 }), 'PACKET_ERR_OUT_OF_RANGE');
  });
});
