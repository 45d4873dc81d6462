/** Transport protocol of a virtual service or a flow. */
export type LbProtocol = 'tcp' | 'udp';

/** Packet forwarding method of a real server (ipvsadm -m, -g, -i). */
export type ForwardMethod = 'masq' | 'droute' | 'tunnel';

/** Scheduler names, as `ipvsadm -s` spells them. */
export type SchedulerName = 'rr' | 'wrr' | 'lc' | 'wlc' | 'sh' | 'mh';

/** Identifies a virtual service: by fwmark (Docker's choice) or by (vip, protocol, port). */
export type ServiceKey =
  { readonly fwmark: number } | { readonly vip: string; readonly protocol: LbProtocol; readonly port: number };

/** What `addService` takes: the key fields plus the scheduler and its flags. */
export interface ServiceSpec {
  /** fwmark of a firewall-mark service (ipvsadm -f); mutually exclusive with vip/protocol/port. */
  fwmark?: number;
  vip?: string;
  protocol?: LbProtocol;
  port?: number;
  /** @default 'rr' (Docker always uses rr) */
  scheduler?: SchedulerName;
  /** sh/mh: when the hashed server is unavailable, probe on for another (sh-fallback / mh-fallback). @default false */
  fallback?: boolean;
  /** sh/mh: hash the source port too, not only the source address (sh-port / mh-port). @default false */
  hashPort?: boolean;
  /** mh: lookup table size, a prime. @default 4093 (the kernel's CONFIG_IP_VS_MH_TAB_INDEX=12) */
  mhTableSize?: number;
}

/** What `addServer` takes (ipvsadm -a -r ip:port -w weight -m|-g|-i -x upper -y lower). */
export interface ServerSpec {
  ip: string;
  /** Destination port; 0 keeps the packet's port, as Docker's fwmark destinations do. @default 0 */
  port?: number;
  /** @default 1 */
  weight?: number;
  /** @default 'masq' (Docker's NAT mode) */
  forward?: ForwardMethod;
  /** Connections (active + inactive) at which the server counts as overloaded; 0 = no limit. @default 0 */
  upperThreshold?: number;
  /** Connections under which an overloaded server is usable again; 0 = 3/4 of upper. @default 0 */
  lowerThreshold?: number;
}

/** Fields `editServer` may change. */
export type ServerUpdate = Partial<Pick<ServerSpec, 'weight' | 'forward' | 'upperThreshold' | 'lowerThreshold'>>;

/** The packet fields IPVS looks at: the flow 5-tuple plus the netfilter mark. */
export interface PacketTuple {
  protocol: LbProtocol;
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  /** skb mark set by iptables (`-j MARK --set-mark`); 0 or absent = unmarked. */
  fwmark?: number;
}

/** A read-only view of a real server and its counters. */
export interface RealServerInfo {
  readonly ip: string;
  readonly port: number;
  readonly weight: number;
  readonly forward: ForwardMethod;
  readonly activeConns: number;
  readonly inactConns: number;
  /** Set once the server was removed from its service (existing connections may still point at it). */
  readonly removed: boolean;
}
