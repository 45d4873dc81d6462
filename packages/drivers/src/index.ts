/**
 * @packageDocumentation
 * Docker's network drivers built on `@swarmsim/netmodel`: the bridge driver (docker0, user-defined bridges with
 * --subnet/--gateway/--ip-range/--ip, icc, masquerade, isolation, `-p` port publishing), the overlay driver (per
 * network a namespace with br0 and vxlan0, veth endpoints at MTU 1450, static peers, no flooding) and a host
 * builder that leaves a namespace the way dockerd does after it starts.
 *
 * @example
 * ```ts
 * import { Fabric, Wire } from '@swarmsim/netmodel';
 * import { createDockerHost } from '@swarmsim/drivers';
 * import { ManualClock } from '@swarmsim/clock';
 * const fabric = new Fabric({ clock: new ManualClock() });
 * const host = createDockerHost(fabric, 'node-1', { wire: new Wire('lan'), cidr: '192.168.99.100/24' });
 * const web = fabric.createNamespace('web');
 * const ep = host.bridges.connect(web, 'bridge', { publish: [{ hostPort: 8080, containerPort: 80 }] });
 * console.log(ep.ip, ep.mac); // 172.17.0.2 02:42:ac:11:00:02
 * const overnet = host.overlays.createNetwork({ name: 'overnet', vni: 4097, subnet: '10.0.1.0/24' });
 * const c1 = overnet.join(fabric.createNamespace('c1'), { ip: '10.0.1.3' });
 * overnet.addPeer('10.0.1.4', '02:42:0a:00:01:04', '192.168.99.101'); // c2, on the node at .101
 * console.log(c1.mac, overnet.namespace?.name); // 02:42:0a:00:01:03 node-1:ov-overnet
 * ```
 */
export {
  BridgeDriver,
  type BridgeEndpoint,
  type BridgeNetwork,
  type BridgeNetworkOptions,
  type ConnectOptions,
  type PortMapping
} from './bridge-driver.js';
export { createDockerHost, type DockerHost, type UnderlayAttachment } from './docker-host.js';
export {
  applyRules,
  bridgeRules,
  installDockerChains,
  internalRules,
  publishRules,
  removeRules
} from './docker-firewall.js';
export { OverlayDriver } from './overlay-driver.js';
export {
  OverlayNetwork,
  VXLAN_ENCAP_BYTES,
  type OverlayEndpoint,
  type OverlayHostContext,
  type OverlayJoinOptions,
  type OverlayNetworkOptions
} from './overlay-network.js';
export type { OverlayPeer } from './overlay-peer-db.js';
export { HostPortAllocator, type HostPortAllocatorInit, type PortProtocol } from './host-port-allocator.js';
export { DriverError, type DriverErrorCode } from './errors.js';
