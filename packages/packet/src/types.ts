/** A MAC address in lowercase colon form, e.g. `02:42:ac:11:00:02`. */
export type MacAddress = string;
/** An IPv4 address in dotted-quad form, e.g. `172.17.0.2`. */
export type Ipv4Address = string;

/** EtherType values we encode and decode (IEEE 802 numbers). */
export const EtherType = { IPv4: 0x0800, ARP: 0x0806, IPv6: 0x86dd } as const;

/** IP protocol numbers (IANA). */
export const IpProtocol = { ICMP: 1, TCP: 6, UDP: 17 } as const;

/** Ethernet II frame without preamble or FCS, as Linux hands it to a packet socket. */
export interface EthernetFrame {
  dst: MacAddress;
  src: MacAddress;
  etherType: number;
  payload: Uint8Array;
}

/** ARP for Ethernet/IPv4 (RFC 826): operation 1 = request, 2 = reply. */
export interface ArpPacket {
  operation: 1 | 2;
  senderMac: MacAddress;
  senderIp: Ipv4Address;
  targetMac: MacAddress;
  targetIp: Ipv4Address;
}

/** IPv4 packet (RFC 791). Encoders compute total length and header checksum. */
export interface Ipv4Packet {
  /** DSCP/ECN byte. */
  tos: number;
  identification: number;
  dontFragment: boolean;
  moreFragments: boolean;
  /** In 8-byte units, as on the wire. */
  fragmentOffset: number;
  ttl: number;
  protocol: number;
  src: Ipv4Address;
  dst: Ipv4Address;
  /** Raw option bytes (a multiple of 4 long); empty for none. */
  options: Uint8Array;
  payload: Uint8Array;
}

/** ICMP message (RFC 792), discriminated by `kind`. */
export type IcmpMessage =
  | { kind: 'echo-request' | 'echo-reply'; identifier: number; sequence: number; data: Uint8Array }
  | { kind: 'destination-unreachable'; code: number; nextHopMtu: number; original: Uint8Array }
  | { kind: 'time-exceeded'; code: number; original: Uint8Array }
  | { kind: 'other'; type: number; code: number; rest: number; data: Uint8Array };

/** ICMP destination-unreachable codes (RFC 792, RFC 1812). */
export const IcmpUnreachableCode = {
  NET: 0,
  HOST: 1,
  PROTOCOL: 2,
  PORT: 3,
  FRAGMENTATION_NEEDED: 4,
  ADMIN_PROHIBITED: 13
} as const;

/** UDP datagram (RFC 768); the checksum covers the IPv4 pseudo-header. */
export interface UdpDatagram {
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}

/** TCP control bits. */
export interface TcpFlags {
  fin: boolean;
  syn: boolean;
  rst: boolean;
  psh: boolean;
  ack: boolean;
  urg: boolean;
}

/** TCP segment (RFC 9293); the checksum covers the IPv4 pseudo-header. */
export interface TcpSegment {
  srcPort: number;
  dstPort: number;
  /** Unsigned 32-bit sequence number. */
  seq: number;
  /** Unsigned 32-bit acknowledgment number (meaningful when `flags.ack`). */
  ack: number;
  flags: TcpFlags;
  window: number;
  urgentPointer: number;
  /** Maximum segment size option (kind 2), usually only on SYN segments. */
  mss?: number;
  payload: Uint8Array;
}

/** VXLAN header (RFC 7348) with the inner Ethernet frame as payload. */
export interface VxlanPacket {
  /** 24-bit VXLAN network identifier. */
  vni: number;
  payload: Uint8Array;
}
