import { formatIpv4, ipv4ToUint32, prefixOf } from '@swarmsim/addr';
import type { Fabric, Namespace, Wire } from '@swarmsim/netmodel';

/** Name of the namespace standing for the machine that runs the simulation, next to `node`'s eth0. */
export function outsideNamespaceName(node: string): string {
  return `${node}:outside`;
}

/**
 * The "outside" host on a node's half of the underlay: the machine running swarmsim, from which real clients'
 * connections enter the simulation (`<underlay /24>.1`, like a docker-machine host-only adapter). One per node
 * wire: its frames never leave the node (the underlay bridge carries only eth0's), so every node can have one at
 * the same address without confusing anyone's ARP.
 */
export function outsideNamespace(fabric: Fabric, wire: Wire, address: string, node: string): Namespace {
  const name = outsideNamespaceName(node);
  const existing = fabric.allNamespaces().find((ns) => ns.name === name);
  if (existing !== undefined) return existing;
  const ns = fabric.createNamespace(name);
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
