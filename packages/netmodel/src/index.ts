/**
 * @packageDocumentation
 * One host's network stack as pure objects driven by a Clock: namespaces with loopback, veth, bridge, Ethernet
 * and VXLAN interfaces; a learning bridge; longest-prefix routing; ARP; netfilter tables with conntrack and
 * NAT; and UDP, ICMP and TCP sockets — real Ethernet/IPv4 bytes all the way. Addresses are read with
 * `@swarmsim/addr`, which also holds Docker's IPAM.
 *
 * @example
 * ```ts
 * import { Fabric } from '@swarmsim/netmodel';
 * import { ManualClock } from '@swarmsim/clock';
 * const clock = new ManualClock();
 * const fabric = new Fabric({ clock });
 * const host = fabric.createNamespace('host', { ipForward: true });
 * const c1 = fabric.createNamespace('c1');
 * const docker0 = host.addBridge('docker0');
 * host.addAddress('docker0', '172.17.0.1/16');
 * host.setUp('docker0');
 * const [veth] = host.addVethPair('veth1', 'eth0', c1, { peerMac: '02:42:ac:11:00:02' });
 * docker0.addPort(veth);
 * host.setUp('veth1');
 * c1.addAddress('eth0', '172.17.0.2/16');
 * c1.setUp('eth0');
 * const result = c1.icmp.ping('172.17.0.1');
 * clock.tick(1000);
 * console.log((await result).received); // 1
 * ```
 */
export { Fabric, type FabricOptions, type FabricComponents } from './fabric.js';
export { NetmodelError, type NetmodelErrorCode } from './errors.js';
export { seededRandom, type Random } from '@swarmsim/interface';
export {
  NetInterface,
  type InterfaceAddress,
  type InterfaceKind,
  type InterfaceOptions,
  type Netem
} from './link/net-interface.js';
export type { InterfaceCounters } from './link/counters.js';
export { Loopback } from './link/loopback.js';
export { Veth } from './link/veth.js';
export { Bridge, type BridgeOptions, type FdbEntry } from './link/bridge.js';
export { EtherInterface } from './link/ether-interface.js';
export { Wire } from './link/wire.js';
export { VxlanInterface, type VxlanStats } from './link/vxlan.js';
export type { VxlanOptions, VxlanDf, VxlanConfig } from './link/vxlan-config.js';
export type { VxlanFdbEntry } from './link/vxlan-fdb.js';
export { VxlanSocket, VxlanSockets, type VxlanSocketDrops } from './link/vxlan-socket.js';
export { Namespace, type NamespaceOptions } from './stack/namespace.js';
export { RouteTable, type Route } from './stack/route-table.js';
export { NeighborTable, type NeighborEntry, type NeighborOptions, type NeighborState } from './stack/neighbor-table.js';
export { Ipv4Layer, DEFAULT_TTL, type Ipv4Send } from './stack/ipv4-layer.js';
export type { IpStats } from './stack/ip-stats.js';
export { UdpSocket, UdpLayer, EPHEMERAL_PORTS, type RemoteInfo, type UdpSocketEvents } from './socket/udp-layer.js';
export { PingLayer, type PingOptions, type PingReply, type PingError, type PingResult } from './socket/ping.js';
export { ifconfig, humanBytes } from './views/ifconfig.js';
export { ipAddr, ipLink, ipNeigh, ipRoute } from './views/ip.js';
export { bridgeFdb, type BridgeFdbOptions } from './views/bridge-fdb.js';
export { vxlanLinkInfo } from './views/vxlan-link-info.js';
export * from './netfilter/index.js';
export * from './tcp/index.js';
