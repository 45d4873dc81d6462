import {
  decodeIcmp,
  decodeTcp,
  decodeUdp,
  encodeIcmp,
  encodeTcp,
  encodeUdp,
  IpProtocol,
  type Ipv4Packet
} from '@swarmsim/packet';
import type { NfL4, NfPacket } from '../netfilter/index.js';

/** Decodes the transport header of `ip` (checksums verified); unknown protocols stay raw. */
export function decodeL4(ip: Ipv4Packet): NfL4 {
  switch (ip.protocol) {
    case IpProtocol.TCP:
      return { protocol: 'tcp', segment: decodeTcp(ip.payload, ip.src, ip.dst) };
    case IpProtocol.UDP: {
      const datagram = decodeUdp(ip.payload, ip.src, ip.dst);
      return ip.payload[6] === 0 && ip.payload[7] === 0
        ? { protocol: 'udp', datagram, zeroChecksum: true }
        : { protocol: 'udp', datagram };
    }
    case IpProtocol.ICMP:
      return { protocol: 'icmp', message: decodeIcmp(ip.payload) };
    default:
      return { protocol: 'other' };
  }
}

/** Encodes the transport header for the packet's current addresses (after NAT). */
export function encodeL4(pkt: NfPacket): Uint8Array {
  const { ip, l4 } = pkt;
  switch (l4.protocol) {
    case 'tcp':
      return encodeTcp(l4.segment, ip.src, ip.dst);
    case 'udp': {
      const bytes = encodeUdp(l4.datagram, ip.src, ip.dst);
      if (l4.zeroChecksum === true) bytes.fill(0, 6, 8);
      return bytes;
    }
    case 'icmp':
      return encodeIcmp(l4.message);
    default:
      return ip.payload;
  }
}

/** The IP protocol number of a transport header. */
export function protocolNumber(l4: NfL4): number {
  switch (l4.protocol) {
    case 'tcp':
      return IpProtocol.TCP;
    case 'udp':
      return IpProtocol.UDP;
    case 'icmp':
      return IpProtocol.ICMP;
    default:
      return 255;
  }
}

/** Encoded size of a transport header plus payload, without encoding it. */
export function l4Length(l4: NfL4, rawPayload: Uint8Array | undefined): number {
  switch (l4.protocol) {
    case 'tcp':
      return 20 + (l4.segment.mss !== undefined ? 4 : 0) + l4.segment.payload.length;
    case 'udp':
      return 8 + l4.datagram.payload.length;
    case 'icmp': {
      const m = l4.message;
      return 8 + ('data' in m ? m.data.length : m.original.length);
    }
    default:
      return rawPayload?.length ?? 0;
  }
}
