/**
 * @packageDocumentation
 * An IPVS-like load balancer, pure and clock-driven: virtual services keyed by fwmark or (VIP, protocol,
 * port), real servers with weights and active/inactive counters, the kernel's rr, wrr, lc, wlc, sh and mh
 * (Maglev) schedulers, weight-0 drain, a connection table with ipvsadm's timeouts, and `ipvsadm -Ln` /
 * `-Lnc` text. Swarm's per-network LB uses a fwmark service with `rr` and masquerading, as below.
 *
 * @example
 * ```ts
 * import { IpvsTable } from '@swarmsim/lb';
 * import { ManualClock } from '@swarmsim/clock';
 *
 * const ipvs = new IpvsTable({ clock: new ManualClock() });
 * const web = ipvs.addService({ fwmark: 256, scheduler: 'rr' });
 * ipvs.addServer(web, { ip: '10.0.1.3', weight: 1, forward: 'masq' });
 * ipvs.addServer(web, { ip: '10.0.1.4', weight: 1, forward: 'masq' });
 * const hit = ipvs.schedule({ protocol: 'tcp', srcIp: '10.0.1.9', srcPort: 40000, dstIp: '10.0.1.2', dstPort: 80, fwmark: 256 });
 * console.log(hit?.server.ip); // 10.0.1.4: the kernel links new servers at the head of the list
 * console.log(ipvs.list());    // IP Virtual Server version 1.2.1 (size=4096) …
 * ```
 */
export {
  IpvsTable,
  type IpvsEvents,
  type IpvsTableComponents,
  type IpvsTableInit,
  type ScheduleResult,
  type ServerRef
} from './ipvs-table.js';
export type { ConnectionInfo } from './connection.js';
export type { VirtualServiceInfo } from './virtual-service.js';
export { LbError, type LbErrorCode, type LbErrorType } from './errors.js';
export { DEFAULT_TIMEOUTS, stateTimeoutSeconds, type ConnState, type IpvsTimeouts } from './timeouts.js';
export type { FlowDirection, TcpFlagsSeen } from './tcp-state-table.js';
export { SCHEDULERS } from './schedulers/index.js';
export type {
  ForwardMethod,
  LbProtocol,
  PacketTuple,
  RealServerInfo,
  SchedulerName,
  ServerSpec,
  ServerUpdate,
  ServiceKey,
  ServiceSpec
} from './types.js';
