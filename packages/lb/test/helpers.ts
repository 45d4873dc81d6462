import { ManualClock } from '@swarmsim/clock';
import { IpvsTable } from '../src/index.js';
import type { IpvsTableInit, PacketTuple, SchedulerName, ServiceKey } from '../src/index.js';

/** A table on a fresh ManualClock with one fwmark-256 service using `scheduler`. */
export function fwmarkTable(
  scheduler: SchedulerName,
  init: IpvsTableInit = {},
  extra: { fallback?: boolean; hashPort?: boolean } = {}
) {
  const clock = new ManualClock();
  const ipvs = new IpvsTable({ clock }, init);
  const svc: ServiceKey = ipvs.addService({ fwmark: 256, scheduler, ...extra });
  return { clock, ipvs, svc };
}

/** A TCP packet to the VIP 10.0.1.2:80 marked 256, from client `srcIp:srcPort`. */
export function packet(srcIp: string, srcPort: number): PacketTuple {
  return { protocol: 'tcp', srcIp, srcPort, dstIp: '10.0.1.2', dstPort: 80, fwmark: 256 };
}

/** `count` distinct client addresses 10.<a>.<b>.<c>, in order. */
export function clientIps(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`);
}

/** The server ip of a new flow from `srcIp:srcPort`, or undefined when IPVS would drop it. */
export function pickIp(ipvs: IpvsTable, srcIp: string, srcPort: number): string | undefined {
  return ipvs.schedule(packet(srcIp, srcPort))?.server.ip;
}
