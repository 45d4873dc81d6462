import { decodeIpv4, encodeIpv4, type Ipv4Packet } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';
import type { Bridge } from '../link/bridge.js';
import type { NetInterface } from '../link/net-interface.js';
import type { Hook, NfL4, NfPacket } from '../netfilter/index.js';
import { decodeL4, encodeL4, l4Length, protocolNumber } from './l4-codec.js';
import type { Namespace } from './namespace.js';
import { IcmpErrors } from './icmp-errors.js';
import { emptyIpStats, type IpStats } from './ip-stats.js';

/** What a local sender hands the IP layer. */
export interface Ipv4Send {
  /** Source address; chosen from the route when absent. */
  src?: string;
  dst: string;
  l4: NfL4;
  /** @default 64 — net.ipv4.ip_default_ttl */
  ttl?: number;
  /** @default 0 */
  tos?: number;
  /** @default true — Linux does path-MTU discovery (ip_no_pmtu_disc=0); tunnels may clear it */
  dontFragment?: boolean;
  /** IP protocol number when `l4.protocol` is 'other'. */
  protocol?: number;
  /** Payload bytes when `l4.protocol` is 'other'. */
  rawPayload?: Uint8Array;
}

/** Default TTL of locally generated packets (net.ipv4.ip_default_ttl). */
export const DEFAULT_TTL = 64;

/** IPv4 input, forwarding and output of one namespace, with the netfilter hooks at Linux's places. */
export class Ipv4Layer {
  readonly stats: IpStats = emptyIpStats();
  private readonly icmpErrors: IcmpErrors;
  private nextId = 1;

  constructor(private readonly ns: Namespace) {
    this.icmpErrors = new IcmpErrors(ns, this);
  }

  /** Sends a locally generated packet; throws NETWORK_UNREACHABLE / MESSAGE_TOO_LONG like the syscalls. */
  output(send: Ipv4Send): void {
    this.stats.outRequests++;
    let route = this.route(send.dst);
    const ip: Ipv4Packet = {
      tos: send.tos ?? 0,
      identification: this.nextId++ & 0xffff,
      dontFragment: send.dontFragment ?? true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: send.ttl ?? DEFAULT_TTL,
      protocol: send.protocol ?? protocolNumber(send.l4),
      src: send.src ?? route.src,
      dst: send.dst,
      options: new Uint8Array(0),
      payload: send.rawPayload ?? new Uint8Array(0)
    };
    const pkt: NfPacket = { ip, l4: send.l4, outIf: route.dev.name, mark: 0, length: 0, dirty: false };
    pkt.length = 20 + l4Length(send.l4, send.rawPayload);
    if (!this.hook('OUTPUT', pkt)) return;
    if (pkt.dirty && ip.dst !== send.dst) {
      route = this.route(ip.dst);
      pkt.outIf = route.dev.name;
    }
    if (!this.hook('POSTROUTING', pkt)) return;
    ip.payload = encodeL4(pkt);
    const bytes = encodeIpv4(ip);
    if (bytes.length > route.dev.mtu) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_MESSAGE_TOO_LONG', namespace: this.ns.name, interface: route.dev.name },
        `message of ${bytes.length} bytes exceeds MTU ${route.dev.mtu}`
      );
    }
    this.transmit(route.dev, route.nextHop ?? ip.dst, ip, bytes);
  }

  /** An IPv4 packet received on `dev`. */
  receive(dev: NetInterface, bytes: Uint8Array): void {
    this.stats.inReceives++;
    const pkt = this.parse(bytes, dev);
    if (pkt === undefined) return;
    const { ip } = pkt;
    if (!this.hook('PREROUTING', pkt)) return;
    if (this.isForUs(ip.dst, dev)) {
      if (!this.hook('INPUT', pkt)) return;
      this.stats.inDelivers++;
      this.deliverLocal(pkt, dev);
      return;
    }
    this.forward(pkt, dev);
  }

  /** br_netfilter for a bridged frame: PREROUTING, FORWARD, POSTROUTING with -i/-o the bridge. */
  filterBridged(bridge: Bridge, _ingress: NetInterface, _out: NetInterface, frame: Uint8Array): Uint8Array | undefined {
    // Only IPv4 frames go through iptables; ARP and others are switched untouched.
    if (frame.length < 14 || frame[12] !== 0x08 || frame[13] !== 0x00) return frame;
    const pkt = this.parse(frame.subarray(14), bridge);
    if (pkt === undefined) return undefined;
    pkt.outIf = bridge.name;
    for (const hook of ['PREROUTING', 'FORWARD', 'POSTROUTING'] as const) {
      if (!this.hook(hook, pkt)) return undefined;
    }
    if (!pkt.dirty) return frame;
    pkt.ip.payload = encodeL4(pkt);
    const ipBytes = encodeIpv4(pkt.ip);
    const out = new Uint8Array(14 + ipBytes.length);
    out.set(frame.subarray(0, 14));
    out.set(ipBytes, 14);
    return out;
  }

  /** Sends `ip` (already encoded as `bytes`) out of `dev` towards `nextHop`. */
  transmit(dev: NetInterface, nextHop: string, ip: Ipv4Packet, bytes: Uint8Array): void {
    if (dev.kind === 'loopback') {
      this.ns.sendEthernet(dev, '00:00:00:00:00:00', 0x0800, bytes);
      return;
    }
    if (this.isBroadcast(ip.dst, dev)) {
      this.ns.sendEthernet(dev, 'ff:ff:ff:ff:ff:ff', 0x0800, bytes);
      return;
    }
    this.ns.neighbors.send(dev, nextHop, bytes, () => {
      // Unresolvable next hop: Linux reports "Destination Host Unreachable" to the sender.
      this.icmpErrors.hostUnreachable(ip);
    });
  }

  private forward(pkt: NfPacket, inDev: NetInterface): void {
    const { ip } = pkt;
    if (!this.ns.ipForward) {
      this.stats.inAddrErrors++;
      return;
    }
    const found = this.tryRoute(ip.dst);
    if (found === undefined) {
      this.stats.outNoRoutes++;
      this.icmpErrors.netUnreachable(ip, inDev);
      return;
    }
    if (ip.ttl <= 1) {
      this.icmpErrors.timeExceeded(ip, inDev);
      return;
    }
    pkt.outIf = found.dev.name;
    if (!this.hook('FORWARD', pkt)) return;
    if (!this.hook('POSTROUTING', pkt)) return;
    ip.ttl--;
    if (pkt.dirty) ip.payload = encodeL4(pkt);
    const bytes = encodeIpv4(ip);
    if (bytes.length > found.dev.mtu) {
      this.icmpErrors.fragmentationNeeded(ip, inDev, found.dev.mtu);
      return;
    }
    this.stats.forwDatagrams++;
    this.transmit(found.dev, found.nextHop ?? ip.dst, ip, bytes);
  }

  private deliverLocal(pkt: NfPacket, dev: NetInterface): void {
    const { ip, l4 } = pkt;
    switch (l4.protocol) {
      case 'icmp':
        this.ns.icmp.receive(ip, l4.message, dev);
        return;
      case 'udp':
        if (!this.ns.udp.receive(ip, l4.datagram) && !this.isBroadcast(ip.dst, dev))
          this.icmpErrors.portUnreachable(ip);
        return;
      case 'tcp':
        this.ns.tcp.receive(l4.segment, ip.src, ip.dst);
        return;
      default:
        this.icmpErrors.protocolUnreachable(ip);
    }
  }

  private parse(bytes: Uint8Array, dev: NetInterface): NfPacket | undefined {
    let ip: Ipv4Packet;
    let l4: NfL4;
    try {
      ip = decodeIpv4(bytes);
      // Fragments are not reassembled here: senders set DF and stay within the MTU.
      if (ip.moreFragments || ip.fragmentOffset !== 0) {
        this.stats.reasmFails++;
        return undefined;
      }
      l4 = decodeL4(ip);
    } catch {
      this.stats.inHdrErrors++;
      return undefined;
    }
    return { ip, l4, inIf: dev.name, mark: 0, length: 20 + ip.options.length + ip.payload.length, dirty: false };
  }

  private hook(hook: Hook, pkt: NfPacket): boolean {
    if (this.ns.netfilter.hook(hook, pkt) === 'ACCEPT') return true;
    this.stats.filtered++;
    return false;
  }

  private isForUs(dst: string, dev: NetInterface): boolean {
    return this.ns.isLocalAddress(dst) || this.isBroadcast(dst, dev);
  }

  /** Limited broadcast or the directed broadcast of one of `dev`'s subnets. */
  isBroadcast(dst: string, dev: NetInterface): boolean {
    if (dst === '255.255.255.255') return true;
    return dev.addresses.some((a) => a.broadcast === dst);
  }

  private route(dst: string): { dev: NetInterface; nextHop: string | undefined; src: string } {
    const found = this.tryRoute(dst);
    if (found === undefined) {
      this.stats.outNoRoutes++;
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_NETWORK_UNREACHABLE', namespace: this.ns.name, address: dst },
        `${this.ns.name}: network unreachable: ${dst}`
      );
    }
    return found;
  }

  /** Resolves the outgoing interface, next hop and preferred source for `dst`. */
  tryRoute(dst: string): { dev: NetInterface; nextHop: string | undefined; src: string } | undefined {
    if (this.ns.isLocalAddress(dst)) {
      const lo = this.ns.interface('lo');
      return { dev: lo, nextHop: undefined, src: dst.startsWith('127.') ? '127.0.0.1' : dst };
    }
    const route = this.ns.routes.lookup(dst, (name) => this.deviceUsable(name));
    if (route === undefined) return undefined;
    const dev = this.ns.interface(route.dev);
    const src = route.src ?? dev.primaryAddress() ?? this.anyAddress();
    if (src === undefined) return undefined;
    return { dev, nextHop: route.via, src };
  }

  private deviceUsable(name: string): boolean {
    try {
      return this.ns.interface(name).operational;
    } catch {
      return false;
    }
  }

  private anyAddress(): string | undefined {
    for (const dev of this.ns.allInterfaces()) {
      if (dev.kind !== 'loopback' && dev.addresses[0] !== undefined) return dev.addresses[0].address;
    }
    return undefined;
  }
}
