import type { Clock } from '@swarmsim/interface';
import type { IcmpMessage, Ipv4Packet, TcpSegment, UdpDatagram } from '@swarmsim/packet';

/** The five IPv4 netfilter hook points, in Linux's names. */
export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/** The iptables tables we model (Linux also has `security`). */
export type TableName = 'raw' | 'mangle' | 'nat' | 'filter';

/** Final decision on a packet at one hook. */
export type Verdict = 'ACCEPT' | 'DROP';

/** The transport header of a packet as netfilter sees it. */
export type NfL4 =
  | { protocol: 'tcp'; segment: TcpSegment }
  /** `zeroChecksum`: sent (or received) with checksum 0, "none" (RFC 768), as a tunnel with `noudpcsum` sends. */
  | { protocol: 'udp'; datagram: UdpDatagram; zeroChecksum?: boolean }
  | { protocol: 'icmp'; message: IcmpMessage }
  | { protocol: 'other' };

/**
 * One IPv4 packet as netfilter sees it; NAT rewrites ip.src/ip.dst and ports/ICMP echo id in place and sets dirty.
 * The stack passes the same object through every hook of one pass (PREROUTING → FORWARD → POSTROUTING, …):
 * conntrack state rides along with it, as it does on Linux's skb. NAT replaces `l4` with a copy rather than
 * mutating the sender's segment, so a retransmitted segment still carries its original ports.
 */
export interface NfPacket {
  ip: Ipv4Packet;
  l4: NfL4;
  inIf?: string;
  outIf?: string;
  /** skb->mark (fwmark), set by `-j MARK`, read by `-m mark` and by policy routing / IPVS. */
  mark: number;
  /** Bytes of the IP packet, for the byte counters. */
  length: number;
  /** True once NAT rewrote addresses or ports: the stack must re-encode checksums. */
  dirty: boolean;
}

/** What netfilter needs from its network namespace. */
export interface NetfilterEnv {
  clock: Clock;
  /** addrtype LOCAL: is ip one of this namespace's addresses (127/8 counts). */
  isLocalAddress(ip: string): boolean;
  /** Primary IPv4 of an interface, for MASQUERADE (out iface) and REDIRECT (in iface; 127.0.0.1 for OUTPUT). */
  primaryAddress(ifName: string): string | undefined;
  /**
   * Seeded RNG in [0, 1) for NAT port selection (Linux starts its free-port search at a random offset).
   * @default none — the search starts at the low end of the range, deterministically
   */
  random?: () => number;
}
