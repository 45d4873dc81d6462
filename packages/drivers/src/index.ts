/**
 * @packageDocumentation
 * Docker's network drivers built on `@swarmsim/netmodel`. Today: the bridge driver (docker0, user-defined
 * bridges with --subnet/--gateway/--ip-range/--ip, icc, masquerade, isolation, `-p` port publishing) and a
 * host builder that leaves a namespace the way dockerd does after it starts.
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
export { HostPortAllocator, type HostPortAllocatorInit, type PortProtocol } from './host-port-allocator.js';
export { DriverError, type DriverErrorCode } from './errors.js';
