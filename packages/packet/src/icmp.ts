import { internetChecksum } from './checksum.js';
import { checkUint, malformed, truncated } from './errors.js';
import type { IcmpMessage } from './types.js';

/** Length of the ICMP header: type, code, checksum and the 4-byte rest-of-header. */
export const ICMP_HEADER_LENGTH = 8;

/** An ICMP echo request or reply. */
export type IcmpEcho = Extract<IcmpMessage, { kind: 'echo-request' | 'echo-reply' }>;

const TYPE_ECHO_REPLY = 0;
const TYPE_UNREACHABLE = 3;
const TYPE_ECHO_REQUEST = 8;
const TYPE_TIME_EXCEEDED = 11;
const CODE_FRAGMENTATION_NEEDED = 4;

/** Type, code, rest-of-header and body of a message, validated for the wire. */
function wireParts(m: IcmpMessage): { type: number; code: number; rest: number; body: Uint8Array } {
  switch (m.kind) {
    case 'echo-request':
    case 'echo-reply':
      checkUint('icmp', 'identifier', m.identifier, 0xffff);
      checkUint('icmp', 'sequence', m.sequence, 0xffff);
      return {
        type: m.kind === 'echo-request' ? TYPE_ECHO_REQUEST : TYPE_ECHO_REPLY,
        code: 0,
        rest: m.identifier * 0x10000 + m.sequence,
        body: m.data
      };
    case 'destination-unreachable':
      checkUint('icmp', 'code', m.code, 0xff);
      checkUint('icmp', 'nextHopMtu', m.nextHopMtu, 0xffff);
      // RFC 1191: only "fragmentation needed" carries the MTU; for other codes the field is unused (0).
      return {
        type: TYPE_UNREACHABLE,
        code: m.code,
        rest: m.code === CODE_FRAGMENTATION_NEEDED ? m.nextHopMtu : 0,
        body: m.original
      };
    case 'time-exceeded':
      checkUint('icmp', 'code', m.code, 0xff);
      return { type: TYPE_TIME_EXCEEDED, code: m.code, rest: 0, body: m.original };
    case 'other':
      checkUint('icmp', 'type', m.type, 0xff);
      checkUint('icmp', 'code', m.code, 0xff);
      checkUint('icmp', 'rest', m.rest, 0xffffffff);
      return { type: m.type, code: m.code, rest: m.rest, body: m.data };
  }
}

/** Encodes an ICMP message with its checksum (RFC 792). */
export function encodeIcmp(m: IcmpMessage): Uint8Array {
  const { type, code, rest, body } = wireParts(m);
  checkUint('icmp', 'length', ICMP_HEADER_LENGTH + body.length, 0xffff);
  const out = new Uint8Array(ICMP_HEADER_LENGTH + body.length);
  out[0] = type;
  out[1] = code;
  out[4] = rest >>> 24;
  out[5] = (rest >>> 16) & 0xff;
  out[6] = (rest >>> 8) & 0xff;
  out[7] = rest & 0xff;
  out.set(body, ICMP_HEADER_LENGTH);
  const checksum = internetChecksum(out);
  out[2] = checksum >>> 8;
  out[3] = checksum & 0xff;
  return out;
}

/** Decodes an ICMP message after verifying its checksum; data is a zero-copy view. */
export function decodeIcmp(bytes: Uint8Array): IcmpMessage {
  if (bytes.length < ICMP_HEADER_LENGTH) throw truncated('icmp', ICMP_HEADER_LENGTH, bytes.length);
  if (internetChecksum(bytes) !== 0) {
    throw malformed('PACKET_ERR_BAD_CHECKSUM', 'icmp', 2, 'icmp: bad checksum');
  }
  const type = bytes[0]!;
  const code = bytes[1]!;
  const high = (bytes[4]! << 8) | bytes[5]!;
  const low = (bytes[6]! << 8) | bytes[7]!;
  const body = bytes.subarray(ICMP_HEADER_LENGTH);
  switch (type) {
    case TYPE_ECHO_REQUEST:
    case TYPE_ECHO_REPLY:
      // Echo with a nonzero code is not an echo (RFC 792 says code 0); keep it as 'other' to round-trip.
      if (code !== 0) break;
      return {
        kind: type === TYPE_ECHO_REQUEST ? 'echo-request' : 'echo-reply',
        identifier: high,
        sequence: low,
        data: body
      };
    case TYPE_UNREACHABLE:
      return {
        kind: 'destination-unreachable',
        code,
        nextHopMtu: code === CODE_FRAGMENTATION_NEEDED ? low : 0,
        original: body
      };
    case TYPE_TIME_EXCEEDED:
      return { kind: 'time-exceeded', code, original: body };
  }
  return { kind: 'other', type, code, rest: high * 0x10000 + low, data: body };
}

/** The echo reply a host sends for `request`: same identifier, sequence and data (RFC 792). */
export function icmpEchoReplyFor(request: IcmpEcho): IcmpEcho {
  return { kind: 'echo-reply', identifier: request.identifier, sequence: request.sequence, data: request.data };
}

/**
 * The part of an offending IPv4 packet quoted in an ICMP error: its header plus the first 8 payload bytes
 * (RFC 792), as a zero-copy view. Linux quotes more (up to 576 bytes total); 8 is what every stack parses.
 */
export function icmpQuote(ipPacket: Uint8Array): Uint8Array {
  const headerLength = ipPacket.length > 0 ? (ipPacket[0]! & 0x0f) * 4 : 0;
  return ipPacket.subarray(0, Math.min(ipPacket.length, headerLength + 8));
}
