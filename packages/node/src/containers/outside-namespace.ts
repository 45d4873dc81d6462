import { formatIpv4, ipv4ToUint32, prefixOf } from '@swarmsim/addr';
import type { Fabric, Namespace, Wire } from '@swarmsim/netmodel';

/** Name of the namespace standing for the machine that runs the simulation, next to `node`'s eth0. */
export function outsideNamespaceName(node: string): string {
  return `${node}:outside`;
}

/**
 * The "outside" host on a node's half of the underlay: the machine running swarmsim, from which real clients'
 * connections enter the simulation (network + 1 of the underlay, like docker-machine's host-only adapter at
 * 192.168.99.1). One per node wire: its frames never leave the node (the underlay bridge carries only eth0's), so
 * every node can have one at the same address without confusing anyone's ARP. `cidr` is its `address/len`, e.g.
 * from {@link outsideAddressFor}.
 */
export function outsideNamespace(fabric: Fabric, wire: Wire, cidr: string, node: string): Namespace {
  const name = outsideNamespaceName(node);
  const existing = fabric.allNamespaces().find((ns) => ns.name === name);
  if (existing !== undefined) return existing;
  const ns = fabric.createNamespace(name);
  const eth0 = ns.addEther('eth0');
  wire.attach(eth0);
  ns.addAddress('eth0', cidr);
  ns.setUp('eth0');
  return ns;
}

/**
 * The outside host's `address/len` on a node's underlay: network + 1 of `underlayIp/prefixLength`. Config keeps
 * node addresses off it (CONFIG_ERR_INVALID_ADDRESS), so it is free on the wire.
 */
export function outsideAddressFor(underlayIp: string, prefixLength: number): string {
  return `${formatIpv4(prefixOf(ipv4ToUint32(underlayIp), prefixLength).start + 1)}/${prefixLength}`;
}
