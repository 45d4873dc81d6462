import { formatIpv4, ipv4ToUint32, prefixOf } from '@swarmsim/addr';
import type { Fabric, Namespace, Wire } from '@swarmsim/netmodel';

/** Name of the namespace standing for the machine that runs the simulation, one per fabric. */
export const OUTSIDE_NAMESPACE = 'outside';

/**
 * The "outside" host on the underlay: the machine running swarmsim, from which real clients' connections
 * enter the simulation (`<underlay /24>.1`, like a docker-machine host-only adapter). Shared by every node
 * of a fabric, because two stations with one address on one wire would confuse ARP.
 */
export function outsideNamespace(fabric: Fabric, wire: Wire, address: string): Namespace {
  const existing = fabric.allNamespaces().find((ns) => ns.name === OUTSIDE_NAMESPACE);
  if (existing !== undefined) return existing;
  const ns = fabric.createNamespace(OUTSIDE_NAMESPACE);
  const eth0 = ns.addEther('eth0');
  wire.attach(eth0);
  ns.addAddress('eth0', `${address}/24`);
  ns.setUp('eth0');
  return ns;
}

/** `<a.b.c>.1` of a node's underlay address (the first host of its /24). */
export function outsideAddressFor(underlayIp: string): string {
  return formatIpv4(prefixOf(ipv4ToUint32(underlayIp), 24).start + 1);
}
