import { internetChecksum, ipv4PseudoHeaderSum } from './checksum.js';
import { checkUint, malformed, truncated } from './errors.js';
import { IpProtocol, type Ipv4Address, type UdpDatagram } from './types.js';

/** Length of the UDP header. */
export const UDP_HEADER_LENGTH = 8;

/** Encodes a UDP datagram with its pseudo-header checksum for `src` → `dst` (RFC 768). */
export function encodeUdp(d: UdpDatagram, src: Ipv4Address, dst: Ipv4Address): Uint8Array {
  checkUint('udp', 'srcPort', d.srcPort, 0xffff);
  checkUint('udp', 'dstPort', d.dstPort, 0xffff);
  const length = UDP_HEADER_LENGTH + d.payload.length;
  checkUint('udp', 'length', length, 0xffff);
  const out = new Uint8Array(length);
  out[0] = d.srcPort >>> 8;
  out[1] = d.srcPort & 0xff;
  out[2] = d.dstPort >>> 8;
  out[3] = d.dstPort & 0xff;
  out[4] = length >>> 8;
  out[5] = length & 0xff;
  out.set(d.payload, UDP_HEADER_LENGTH);
  const checksum = internetChecksum(out, ipv4PseudoHeaderSum(src, dst, IpProtocol.UDP, length));
  // RFC 768: a zero checksum on the wire means "none", so a computed zero is sent as all ones.
  const wire = checksum === 0 ? 0xffff : checksum;
  out[6] = wire >>> 8;
  out[7] = wire & 0xff;
  return out;
}

/**
 * Decodes a UDP datagram received from `src` for `dst`: checks the length field and, unless it is 0
 * ("no checksum"), the pseudo-header checksum. Bytes after `length` are ignored; the payload is a view.
 */
export function decodeUdp(bytes: Uint8Array, src: Ipv4Address, dst: Ipv4Address): UdpDatagram {
  if (bytes.length < UDP_HEADER_LENGTH) throw truncated('udp', UDP_HEADER_LENGTH, bytes.length);
  const length = (bytes[4]! << 8) | bytes[5]!;
  if (length < UDP_HEADER_LENGTH) {
    throw malformed('PACKET_ERR_BAD_LENGTH', 'udp', 4, `udp: length ${length}`);
  }
  if (length > bytes.length) throw truncated('udp', length, bytes.length);
  const wire = (bytes[6]! << 8) | bytes[7]!;
  if (wire !== 0 && internetChecksum(bytes, ipv4PseudoHeaderSum(src, dst, IpProtocol.UDP, length), 0, length) !== 0) {
    throw malformed('PACKET_ERR_BAD_CHECKSUM', 'udp', 6, 'udp: bad checksum');
  }
  return {
    srcPort: (bytes[0]! << 8) | bytes[1]!,
    dstPort: (bytes[2]! << 8) | bytes[3]!,
    payload: bytes.subarray(UDP_HEADER_LENGTH, length)
  };
}
