import { formatIpv4 } from '@swarmsim/addr';
import type { Logger } from '@swarmsim/interface';
import {
  decodeArp,
  decodeEthernet,
  EtherType,
  encodeArp,
  encodeEthernet,
  type ArpPacket,
  type TcpSegment
} from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';
import type { Fabric } from '../fabric.js';
import { Bridge, type BridgeOptions } from '../link/bridge.js';
import { EtherInterface } from '../link/ether-interface.js';
import { Loopback } from '../link/loopback.js';
import type { InterfaceOptions, NetInterface } from '../link/net-interface.js';
import { Veth } from '../link/veth.js';
import { VxlanInterface } from '../link/vxlan.js';
import type { VxlanOptions } from '../link/vxlan-config.js';
import { VxlanSockets } from '../link/vxlan-socket.js';
import { Netfilter, type NetfilterOptions } from '../netfilter/index.js';
import { TcpLayer, type TcpOptions } from '../tcp/index.js';
import { parseInterfaceCidr } from './cidr.js';
import { Ipv4Layer } from './ipv4-layer.js';
import { NeighborTable, type NeighborOptions } from './neighbor-table.js';
import { RouteTable } from './route-table.js';
import { ipv4ToUint32 } from '@swarmsim/packet';
import { UdpLayer } from '../socket/udp-layer.js';
import { PingLayer } from '../socket/ping.js';

/** Per-namespace settings (sysctls). */
export interface NamespaceOptions {
  /** net.ipv4.ip_forward. @default false — a container; Docker sets 1 on the host */
  ipForward?: boolean;
  /** net.ipv4.icmp_echo_ignore_all. @default false */
  icmpEchoIgnoreAll?: boolean;
  neighbor?: NeighborOptions;
  tcp?: TcpOptions;
  /** Conntrack limits and when tracking starts. @default Netfilter's defaults (tracking 'auto') */
  netfilter?: NetfilterOptions;
}

/**
 * A network namespace: its interfaces, routes, ARP cache, netfilter tables, conntrack and sockets —
 * one container's or one host's view of the network, like `ip netns exec NAME …`.
 */
export class Namespace {
  readonly routes = new RouteTable();
  readonly neighbors: NeighborTable;
  readonly netfilter: Netfilter;
  readonly ipv4: Ipv4Layer;
  readonly udp: UdpLayer;
  readonly icmp: PingLayer;
  readonly tcp: TcpLayer;
  /** The kernel VXLAN sockets of devices created here, by UDP port. */
  readonly vxlanSockets: VxlanSockets = new VxlanSockets(this);
  readonly log: Logger;
  ipForward: boolean;
  icmpEchoIgnoreAll: boolean;
  private readonly interfaces = new Map<string, NetInterface>();
  private readonly localCache = new Map<number, boolean>();

  constructor(
    readonly fabric: Fabric,
    readonly name: string,
    options: NamespaceOptions = {}
  ) {
    this.log = fabric.logger.child({ netns: name });
    this.ipForward = options.ipForward ?? false;
    this.icmpEchoIgnoreAll = options.icmpEchoIgnoreAll ?? false;
    this.neighbors = new NeighborTable(
      {
        clock: fabric.clock,
        sendArp: (dev, arp, dstMac) => this.sendArp(dev, arp, dstMac),
        sendIpv4: (dev, dstMac, packet) => this.sendEthernet(dev, dstMac, EtherType.IPv4, packet),
        isLocalAddress: (ip) => this.isLocalAddress(ip)
      },
      options.neighbor
    );
    this.netfilter = new Netfilter(
      {
        clock: fabric.clock,
        random: fabric.random,
        isLocalAddress: (ip) => this.isLocalAddress(ip),
        primaryAddress: (ifName) => this.interfaces.get(ifName)?.primaryAddress()
      },
      options.netfilter
    );
    this.ipv4 = new Ipv4Layer(this);
    this.udp = new UdpLayer(this);
    this.icmp = new PingLayer(this);
    this.tcp = new TcpLayer(
      {
        clock: fabric.clock,
        random: fabric.random,
        logger: this.log,
        output: (segment, src, dst) => this.tcpOutput(segment, src, dst)
      },
      options.tcp
    );
    const lo = new Loopback('lo', this, { ifIndex: 1, mac: '00:00:00:00:00:00', mtu: 65536 });
    this.attach(lo);
    this.addAddress('lo', '127.0.0.1/8');
    lo.up = true;
  }

  /** Creates a bridge device (`ip link add docker0 type bridge`). */
  addBridge(name: string, options: BridgeOptions = {}): Bridge {
    return this.attach(new Bridge(name, this, this.deviceOptions(options)));
  }

  /** Creates a physical NIC (e.g. the host's `eth0`), to be plugged into a Wire. */
  addEther(name: string, options: InterfaceOptions = {}): EtherInterface {
    return this.attach(new EtherInterface(name, this, this.deviceOptions(options)));
  }

  /**
   * Creates a VXLAN device (`ip link add NAME type vxlan id VNI dstport 4789 …`). Its tunnel runs through this
   * namespace's routing and UDP port even after it is moved elsewhere, as the kernel keeps the creating namespace.
   */
  addVxlan(name: string, options: VxlanOptions): VxlanInterface {
    this.assertFree(name);
    const dev = new VxlanInterface(name, this, this.deviceOptions(options));
    this.vxlanSockets.register(dev);
    return this.attach(dev);
  }

  /** Creates a veth pair: `name` here, `peerName` in `peerNamespace` (default: here). */
  addVethPair(
    name: string,
    peerName: string,
    peerNamespace: Namespace = this,
    options: InterfaceOptions & { peerMac?: string } = {}
  ): [Veth, Veth] {
    peerNamespace.assertFree(peerName);
    this.assertFree(name);
    const a = this.attach(new Veth(name, this, this.deviceOptions({ mac: options.mac, mtu: options.mtu })));
    const b = peerNamespace.attach(
      new Veth(peerName, peerNamespace, peerNamespace.deviceOptions({ mac: options.peerMac, mtu: options.mtu }))
    );
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  /** Moves an interface to another namespace, optionally renaming it; as Linux, it arrives down and without addresses. */
  moveInterface(name: string, target: Namespace, newName = name): NetInterface {
    const dev = this.interface(name);
    target.assertFree(newName);
    dev.master?.removePort(dev);
    this.unplug(dev);
    dev.up = false;
    dev.addresses.length = 0;
    dev.name = newName;
    dev.namespace = target;
    return target.attach(dev);
  }

  /** Deletes an interface (`ip link del`); deleting a veth end deletes its peer. */
  removeInterface(name: string): void {
    const dev = this.interfaces.get(name);
    if (dev === undefined) return;
    this.unplug(dev);
    dev.detach();
    if (dev instanceof Bridge) for (const port of [...dev.ports]) dev.removePort(port);
  }

  /** Looks an interface up by name. */
  interface(name: string): NetInterface {
    const dev = this.interfaces.get(name);
    if (dev === undefined) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_NO_SUCH_INTERFACE', namespace: this.name, interface: name },
        `${this.name}: no interface ${name}`
      );
    }
    return dev;
  }

  /** All interfaces in index order. */
  allInterfaces(): NetInterface[] {
    return [...this.interfaces.values()].sort((a, b) => a.ifIndex - b.ifIndex);
  }

  /** `ip link set NAME up|down`. */
  setUp(name: string, up = true): void {
    this.interface(name).up = up;
    if (!up) this.forgetMasquerade(name);
  }

  /** `ip addr add CIDR dev NAME`: assigns the address and adds the connected route. */
  addAddress(name: string, cidr: string): void {
    const dev = this.interface(name);
    const { address, prefix } = parseInterfaceCidr(cidr);
    const { prefixLength } = prefix;
    const broadcast = prefixLength < 31 ? formatIpv4(prefix.end) : undefined;
    dev.addresses.push({ address, prefixLength, broadcast });
    this.localCache.clear();
    if (dev.kind === 'loopback') return;
    this.routes.add({
      network: formatIpv4(prefix.start),
      prefixLength,
      dev: name,
      src: address,
      protocol: 'kernel',
      scope: 'link'
    });
  }

  /** `ip addr del CIDR dev NAME`, with its connected route. */
  removeAddress(name: string, address: string): void {
    const dev = this.interface(name);
    const i = dev.addresses.findIndex((a) => a.address === address);
    if (i < 0) return;
    dev.addresses.splice(i, 1);
    this.localCache.clear();
    this.routes.remove({ dev: name, src: address, protocol: 'kernel' });
    this.forgetMasquerade(name);
  }

  // Linux drops MASQUERADE mappings when their interface goes down or loses an address (masq_device_event).
  private forgetMasquerade(ifName: string): void {
    this.netfilter.conntrack.flush((e) => e.masqueradeIf === ifName);
  }

  /** Is `ip` an address of this namespace (all of 127.0.0.0/8 counts, as the kernel's local table). */
  isLocalAddress(ip: string): boolean {
    const n = ipv4ToUint32(ip);
    const cached = this.localCache.get(n);
    if (cached !== undefined) return cached;
    const local = n >>> 24 === 127 || this.allInterfaces().some((d) => d.addresses.some((a) => a.address === ip));
    this.localCache.set(n, local);
    return local;
  }

  /** A frame handed up to this namespace's IP layer by `dev` (not bridged away). */
  receiveFrame(dev: NetInterface, frame: Uint8Array): void {
    let eth;
    try {
      eth = decodeEthernet(frame);
    } catch {
      dev.counters.rxErrors++;
      return;
    }
    // PACKET_OTHERHOST: a unicast frame for another station is silently discarded.
    if ((frame[0]! & 1) === 0 && eth.dst !== dev.mac && dev.kind !== 'loopback') return;
    if (eth.etherType === EtherType.IPv4) this.ipv4.receive(dev, eth.payload);
    else if (eth.etherType === EtherType.ARP) this.receiveArp(dev, eth.payload);
    else dev.counters.rxDropped++;
  }

  /** br_netfilter: a frame switched by `bridge` passes the iptables hooks; undefined when dropped. */
  filterBridgedFrame(
    bridge: Bridge,
    ingress: NetInterface,
    out: NetInterface,
    frame: Uint8Array
  ): Uint8Array | undefined {
    return this.ipv4.filterBridged(bridge, ingress, out, frame);
  }

  /** Wraps a payload in Ethernet and sends it out of `dev`. */
  sendEthernet(dev: NetInterface, dstMac: string, etherType: number, payload: Uint8Array): void {
    dev.transmit(encodeEthernet({ dst: dstMac, src: dev.mac, etherType, payload }));
  }

  /** Removes every interface and socket (the namespace is deleted). */
  destroy(): void {
    for (const dev of [...this.interfaces.values()]) this.removeInterface(dev.name);
    this.udp.closeAll();
  }

  // A segment the IP layer refuses (no route any more, too big for the link) is lost, as a dropped
  // skb would be; TCP's retransmission timer then handles it like any loss.
  private tcpOutput(segment: TcpSegment, src: string, dst: string): void {
    try {
      this.ipv4.output({ src, dst, l4: { protocol: 'tcp', segment } });
    } catch (err) {
      this.log.debug({ err, dst }, 'tcp segment not sent');
    }
  }

  private receiveArp(dev: NetInterface, bytes: Uint8Array): void {
    let arp: ArpPacket;
    try {
      arp = decodeArp(bytes);
    } catch {
      dev.counters.rxErrors++;
      return;
    }
    this.neighbors.handleArp(dev, arp);
  }

  private sendArp(dev: NetInterface, arp: ArpPacket, dstMac: string): void {
    this.sendEthernet(dev, dstMac, EtherType.ARP, encodeArp(arp));
  }

  private attach<T extends NetInterface>(dev: T): T {
    this.assertFree(dev.name);
    this.interfaces.set(dev.name, dev);
    this.localCache.clear();
    return dev;
  }

  private unplug(dev: NetInterface): void {
    this.interfaces.delete(dev.name);
    this.neighbors.forgetInterface(dev);
    this.routes.remove({ dev: dev.name });
    this.localCache.clear();
  }

  private assertFree(name: string): void {
    if (this.interfaces.has(name)) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_INTERFACE_EXISTS', namespace: this.name, interface: name },
        `${this.name}: interface ${name} exists`
      );
    }
  }

  private deviceOptions<T extends InterfaceOptions>(options: T): T & { ifIndex: number; mac: string } {
    return { ...options, ifIndex: this.fabric.allocateIfIndex(), mac: options.mac?.toLowerCase() ?? this.randomMac() };
  }

  // Linux gives new veths/bridges a random locally administered unicast MAC (eth_random_addr).
  private randomMac(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 6; i++) bytes.push(Math.floor(this.fabric.random() * 256));
    bytes[0] = (bytes[0]! & 0xfe) | 0x02;
    return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
  }
}
