/**
 * @packageDocumentation
 * Real wire codecs for the simulated data plane: Ethernet II, ARP, IPv4, ICMP, UDP, TCP and VXLAN
 * (RFC 7348), RFC 1071 checksums and a libpcap writer whose files Wireshark/tshark decode. Pure: bytes in,
 * bytes out. Decoders return zero-copy views and throw only {@link PacketError}.
 *
 * @example
 * ```ts
 * import { EtherType, IpProtocol, decodeEthernet, decodeIpv4, decodeIcmp, encodeEthernet, encodeIcmp,
 *   encodeIpv4, macFromIpv4 } from '@swarmsim/packet';
 *
 * const icmp = encodeIcmp({ kind: 'echo-request', identifier: 1, sequence: 1, data: new Uint8Array(8) });
 * const ip = encodeIpv4({ tos: 0, identification: 1, dontFragment: true, moreFragments: false, fragmentOffset: 0,
 *   ttl: 64, protocol: IpProtocol.ICMP, src: '172.17.0.2', dst: '172.17.0.3', options: new Uint8Array(0),
 *   payload: icmp });
 * const frame = encodeEthernet({ dst: macFromIpv4('172.17.0.3'), src: macFromIpv4('172.17.0.2'),
 *   etherType: EtherType.IPv4, payload: ip });
 *
 * const echo = decodeIcmp(decodeIpv4(decodeEthernet(frame).payload).payload);
 * console.log(echo.kind); // 'echo-request'
 * ```
 */
export type * from './types.js';
export { EtherType, IpProtocol, IcmpUnreachableCode } from './types.js';
export { PacketError, type PacketErrorCode, type PacketErrorType } from './errors.js';
export {
  BROADCAST_MAC,
  ZERO_MAC,
  bytesToIpv4,
  bytesToMac,
  ipv4ToBytes,
  ipv4ToUint32,
  isValidIpv4,
  isValidMac,
  macFromIpv4,
  macToBytes,
  uint32ToIpv4
} from './address.js';
export { internetChecksum, ipv4PseudoHeaderSum } from './checksum.js';
export { ETHERNET_HEADER_LENGTH, decodeEthernet, encodeEthernet } from './ethernet.js';
export { ARP_LENGTH, decodeArp, encodeArp } from './arp.js';
export { IPV4_HEADER_LENGTH, decodeIpv4, encodeIpv4, type DecodedIpv4Packet } from './ipv4.js';
export { ICMP_HEADER_LENGTH, decodeIcmp, encodeIcmp, icmpEchoReplyFor, icmpQuote, type IcmpEcho } from './icmp.js';
export { UDP_HEADER_LENGTH, decodeUdp, encodeUdp } from './udp.js';
export { TCP_HEADER_LENGTH, decodeTcp, encodeTcp } from './tcp.js';
export { VXLAN_HEADER_LENGTH, VXLAN_MAX_VNI, VXLAN_UDP_PORT, decodeVxlan, encodeVxlan } from './vxlan.js';
export { LINKTYPE_ETHERNET, PcapWriter, readPcap, type PcapPacket, type PcapWriterOptions } from './pcap.js';
