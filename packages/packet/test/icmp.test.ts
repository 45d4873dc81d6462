import { describe, expect, it } from 'vitest';
import {
  IcmpUnreachableCode,
  decodeIcmp,
  encodeIcmp,
  icmpEchoReplyFor,
  icmpQuote,
  type IcmpMessage
} from '../src/index.js';
import { expectPacketError, flipped, hex, toHex } from './helpers.js';

// Echo request id 0x1234 seq 1 data "abcd". Hand sum: 0800 + 1234 + 0001 + 6162 + 6364 = defb → ~ = 2104.
const ECHO_REQUEST = hex('08 00 2104 1234 0001 61626364');

describe('ICMP', () => {
  it('decodes a hand-checked echo request', () => {
    const m = decodeIcmp(ECHO_REQUEST);
    expect(m).toEqual({ kind: 'echo-request', identifier: 0x1234, sequence: 1, data: hex('61626364') });
  });

  it('encodes the same echo request with checksum 2104', () => {
    const bytes = encodeIcmp({ kind: 'echo-request', identifier: 0x1234, sequence: 1, data: hex('61626364') });
    expect(toHex(bytes)).toBe(toHex(ECHO_REQUEST));
  });

  it('builds the echo reply for a request', () => {
    const request = decodeIcmp(ECHO_REQUEST);
    if (request.kind !== 'echo-request') throw new Error('fixture is an echo request');
    const reply = encodeIcmp(icmpEchoReplyFor(request));
    // Only the type changes (8 → 0), so the checksum grows by 0x0800: 2104 + 0800 = 2904.
    expect(toHex(reply)).toBe('0000 2904 1234 0001 61626364'.replace(/ /g, ''));
    expect(decodeIcmp(reply)).toMatchObject({ kind: 'echo-reply', identifier: 0x1234, sequence: 1 });
  });

  it('carries the next-hop MTU of "fragmentation needed" in the low 16 bits', () => {
    const quote = hex('4500 05dc 0000 4000 4011 0000 0a000103 0a000104 1234 0035 05c8 0000');
    const bytes = encodeIcmp({
      kind: 'destination-unreachable',
      code: IcmpUnreachableCode.FRAGMENTATION_NEEDED,
      nextHopMtu: 1450,
      original: quote
    });
    expect(toHex(bytes.subarray(0, 2))).toBe('0304');
    expect(toHex(bytes.subarray(4, 8))).toBe('000005aa');
    expect(decodeIcmp(bytes)).toEqual({ kind: 'destination-unreachable', code: 4, nextHopMtu: 1450, original: quote });
  });

  it('leaves the rest-of-header unused for other unreachable codes and time exceeded', () => {
    const port = encodeIcmp({ kind: 'destination-unreachable', code: 3, nextHopMtu: 1450, original: hex('45') });
    expect(toHex(port.subarray(4, 8))).toBe('00000000');
    expect(decodeIcmp(port)).toMatchObject({ kind: 'destination-unreachable', code: 3, nextHopMtu: 0 });
    const ttl = encodeIcmp({ kind: 'time-exceeded', code: 0, original: hex('4500') });
    expect(toHex(ttl.subarray(0, 2))).toBe('0b00');
    expect(decodeIcmp(ttl)).toEqual({ kind: 'time-exceeded', code: 0, original: hex('4500') });
  });

  it('keeps unmodelled types (and echo with a nonzero code) as "other", rest-of-header intact', () => {
    const timestamp: IcmpMessage = { kind: 'other', type: 13, code: 0, rest: 0xdeadbeef, data: hex('00') };
    expect(decodeIcmp(encodeIcmp(timestamp))).toEqual(timestamp);
    const oddEcho: IcmpMessage = { kind: 'other', type: 8, code: 1, rest: 0x00010002, data: new Uint8Array(0) };
    expect(decodeIcmp(encodeIcmp(oddEcho))).toEqual(oddEcho);
  });

  it('rejects flipped bytes and truncation', () => {
    expectPacketError(() => decodeIcmp(flipped(ECHO_REQUEST, 9)), 'PACKET_ERR_BAD_CHECKSUM');
    expectPacketError(() => decodeIcmp(ECHO_REQUEST.subarray(0, 7)), 'PACKET_ERR_TRUNCATED');
  });

  it('validates field ranges on encode', () => {
    const echo = { kind: 'echo-request', identifier: 1, sequence: 1, data: new Uint8Array(0) } as const;
    expectPacketError(() => encodeIcmp({ ...echo, sequence: 65536 }), 'PACKET_ERR_OUT_OF_RANGE');
    expectPacketError(() => encodeIcmp({ ...echo, identifier: -1 }), 'PACKET_ERR_OUT_OF_RANGE');
    const mtu = { kind: 'destination-unreachable', code: 4, nextHopMtu: 70000, original: hex('') } as const;
    expectPacketError(() => encodeIcmp(mtu), 'PACKET_ERR_OUT_OF_RANGE');
    const other = { kind: 'other', type: 256, code: 0, rest: 0, data: hex('') } as const;
    expectPacketError(() => encodeIcmp(other), 'PACKET_ERR_OUT_OF_RANGE');
  });

  it('quotes the IP header plus 8 payload bytes of an offending packet', () => {
    const packet = new Uint8Array(100);
    packet[0] = 0x46;
    expect(icmpQuote(packet).length).toBe(24 + 8);
    expect(icmpQuote(packet.subarray(0, 30)).length).toBe(30);
  });
});
