/**
 * IPAM: Docker's default IPv4 address management. Subnets come first-fit from predefined pools per
 * address space (`local` bridges: 172.17–172.31/16 then 192.168/20s; `global` overlays: 10.0.0.0/8 in /24s);
 * inside a subnet, bridges get the lowest free address and swarm overlays get addresses serially.
 *
 * @example
 * ```ts
 * const ipam = new Ipam();
 * const ingress = ipam.requestPool({ scope: 'global' });        // 10.0.0.0/24, gateway 10.0.0.1
 * const bridge = ipam.requestPool({ scope: 'local' });          // 172.17.0.0/16, gateway 172.17.0.1
 * ipam.requestAddress(bridge.id);                               // '172.17.0.2'
 * ipam.requestAddress(ingress.id, { ip: '10.0.0.9' });          // static, like --ip
 * ```
 */
export { Ipam, type IpamInit } from './ipam.js';
export { GLOBAL_DEFAULT_POOLS, LOCAL_DEFAULT_POOLS } from './default-pools.js';
export { IpamError, type IpamErrorCode, type IpamErrorType, type InvalidCidrReason } from './errors.js';
export type {
  IpamAddressRequest,
  IpamPool,
  IpamPoolRequest,
  IpamPoolStatus,
  IpamScope,
  PredefinedPool
} from './types.js';
