import { bytesToIpv4, writeIpv4 } from './address.js';
import { internetChecksum } from './checksum.js';
import { PacketError, checkUint, malformed, truncated } from './errors.js';
import type { Ipv4Packet } from './types.js';

/** Length of an IPv4 header without options. */
export const IPV4_HEADER_LENGTH = 20;
/** Largest IPv4 header: IHL is 4 bits of 32-bit words. */
const MAX_HEADER_LENGTH = 60;

/** A decoded IPv4 packet with the header fields the encoder computes. */
export type DecodedIpv4Packet = Ipv4Packet & { headerLength: number; totalLength: number; checksum: number };

function checkFields(p: Ipv4Packet): void {
  checkUint('ipv4', 'tos', p.tos, 0xff);
  checkUint('ipv4', 'identification', p.identification, 0xffff);
  checkUint('ipv4', 'fragmentOffset', p.fragmentOffset, 0x1fff);
  checkUint('ipv4', 'ttl', p.ttl, 0xff);
  checkUint('ipv4', 'protocol', p.protocol, 0xff);
  const optionsLength = p.options.length;
  if (optionsLength % 4 !== 0 || optionsLength > MAX_HEADER_LENGTH - IPV4_HEADER_LENGTH) {
    throw new PacketError(
      { code: 'PACKET_ERR_BAD_HEADER_LENGTH', layer: 'ipv4', field: 'options' },
      `ipv4: options must be a multiple of 4 bytes, at most 40, got ${optionsLength}`
    );
  }
  checkUint('ipv4', 'totalLength', IPV4_HEADER_LENGTH + optionsLength + p.payload.length, 0xffff);
}

/** Encodes an IPv4 packet, computing IHL, total length and the header checksum. */
export function encodeIpv4(p: Ipv4Packet): Uint8Array {
  checkFields(p);
  const headerLength = IPV4_HEADER_LENGTH + p.options.length;
  const totalLength = headerLength + p.payload.length;
  const out = new Uint8Array(totalLength);
  out[0] = 0x40 | (headerLength >>> 2);
  out[1] = p.tos;
  out[2] = totalLength >>> 8;
  out[3] = totalLength & 0xff;
  out[4] = p.identification >>> 8;
  out[5] = p.identification & 0xff;
  out[6] = (p.dontFragment ? 0x40 : 0) | (p.moreFragments ? 0x20 : 0) | (p.fragmentOffset >>> 8);
  out[7] = p.fragmentOffset & 0xff;
  out[8] = p.ttl;
  out[9] = p.protocol;
  writeIpv4(out, 12, p.src);
  writeIpv4(out, 16, p.dst);
  out.set(p.options, IPV4_HEADER_LENGTH);
  const checksum = internetChecksum(out, 0, 0, headerLength);
  out[10] = checksum >>> 8;
  out[11] = checksum & 0xff;
  out.set(p.payload, headerLength);
  return out;
}

function checkHeader(bytes: Uint8Array): { headerLength: number; totalLength: number } {
  if (bytes.length < IPV4_HEADER_LENGTH) throw truncated('ipv4', IPV4_HEADER_LENGTH, bytes.length);
  const version = bytes[0]! >>> 4;
  if (version !== 4) {
    throw malformed('PACKET_ERR_BAD_VERSION', 'ipv4', 0, `ipv4: version ${version}`);
  }
  const headerLength = (bytes[0]! & 0x0f) * 4;
  if (headerLength < IPV4_HEADER_LENGTH) {
    throw malformed('PACKET_ERR_BAD_HEADER_LENGTH', 'ipv4', 0, `ipv4: IHL ${headerLength / 4}`);
  }
  if (headerLength > bytes.length) throw truncated('ipv4', headerLength, bytes.length);
  const totalLength = (bytes[2]! << 8) | bytes[3]!;
  if (totalLength < headerLength) {
    throw malformed('PACKET_ERR_BAD_LENGTH', 'ipv4', 2, `ipv4: total length ${totalLength}`);
  }
  if (totalLength > bytes.length) throw truncated('ipv4', totalLength, bytes.length);
  if (internetChecksum(bytes, 0, 0, headerLength) !== 0) {
    throw malformed('PACKET_ERR_BAD_CHECKSUM', 'ipv4', 10, 'ipv4: bad header checksum');
  }
  return { headerLength, totalLength };
}

/**
 * Decodes an IPv4 packet after checking version, IHL, total length and header checksum. Bytes beyond the
 * total length (Ethernet padding of short frames) are ignored; options and payload are zero-copy views.
 */
export function decodeIpv4(bytes: Uint8Array): DecodedIpv4Packet {
  const { headerLength, totalLength } = checkHeader(bytes);
  const flags = bytes[6]!;
  return {
    tos: bytes[1]!,
    identification: (bytes[4]! << 8) | bytes[5]!,
    dontFragment: (flags & 0x40) !== 0,
    moreFragments: (flags & 0x20) !== 0,
    fragmentOffset: ((flags & 0x1f) << 8) | bytes[7]!,
    ttl: bytes[8]!,
    protocol: bytes[9]!,
    src: bytesToIpv4(bytes, 12),
    dst: bytesToIpv4(bytes, 16),
    options: bytes.subarray(IPV4_HEADER_LENGTH, headerLength),
    payload: bytes.subarray(headerLength, totalLength),
    headerLength,
    totalLength,
    checksum: (bytes[10]! << 8) | bytes[11]!
  };
}
