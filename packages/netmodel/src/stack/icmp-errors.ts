import { encodeIpv4, IcmpUnreachableCode, IpProtocol, type IcmpMessage, type Ipv4Packet } from '@swarmsim/packet';
import type { NetInterface } from '../link/net-interface.js';
import type { Ipv4Layer } from './ipv4-layer.js';
import type { Namespace } from './namespace.js';

/** Generates ICMP error messages about packets this namespace could not deliver or forward (RFC 1812). */
export class IcmpErrors {
  constructor(
    private readonly ns: Namespace,
    private readonly ipv4: Ipv4Layer
  ) {}

  /** ARP for the next hop failed. */
  hostUnreachable(ip: Ipv4Packet): void {
    this.unreachable(ip, IcmpUnreachableCode.HOST, undefined);
  }

  /** No route for a forwarded packet. */
  netUnreachable(ip: Ipv4Packet, inDev: NetInterface): void {
    this.unreachable(ip, IcmpUnreachableCode.NET, inDev);
  }

  /** A UDP datagram for a port nobody listens on. */
  portUnreachable(ip: Ipv4Packet): void {
    this.unreachable(ip, IcmpUnreachableCode.PORT, undefined);
  }

  /** A protocol the namespace has no handler for. */
  protocolUnreachable(ip: Ipv4Packet): void {
    this.unreachable(ip, IcmpUnreachableCode.PROTOCOL, undefined);
  }

  /** DF set and the next link's MTU is smaller (path MTU discovery). */
  fragmentationNeeded(ip: Ipv4Packet, inDev: NetInterface, mtu: number): void {
    this.send(
      ip,
      {
        kind: 'destination-unreachable',
        code: IcmpUnreachableCode.FRAGMENTATION_NEEDED,
        nextHopMtu: mtu,
        original: quote(ip)
      },
      inDev
    );
  }

  /** TTL ran out while forwarding (what traceroute relies on). */
  timeExceeded(ip: Ipv4Packet, inDev: NetInterface): void {
    this.send(ip, { kind: 'time-exceeded', code: 0, original: quote(ip) }, inDev);
  }

  private unreachable(ip: Ipv4Packet, code: number, inDev: NetInterface | undefined): void {
    this.send(ip, { kind: 'destination-unreachable', code, nextHopMtu: 0, original: quote(ip) }, inDev);
  }

  private send(about: Ipv4Packet, message: IcmpMessage, inDev: NetInterface | undefined): void {
    // RFC 1122: never answer an ICMP error with an error, nor a packet from an unspecified source.
    if (about.protocol === IpProtocol.ICMP && isIcmpError(about.payload[0])) return;
    if (about.src === '0.0.0.0') return;
    const src = this.ns.isLocalAddress(about.dst)
      ? about.dst
      : (inDev?.primaryAddress() ?? this.ipv4.tryRoute(about.src)?.src);
    if (src === undefined) return;
    try {
      this.ipv4.output({ src, dst: about.src, l4: { protocol: 'icmp', message } });
    } catch {
      // No route back to the sender: the error is lost, as in the kernel.
    }
  }
}

/** The offending packet's IP header plus the first 8 bytes of its payload (RFC 792). */
function quote(ip: Ipv4Packet): Uint8Array {
  const bytes = encodeIpv4({ ...ip, payload: ip.payload.subarray(0, 8) });
  return bytes;
}

function isIcmpError(type: number | undefined): boolean {
  return type === 3 || type === 4 || type === 5 || type === 11 || type === 12;
}
