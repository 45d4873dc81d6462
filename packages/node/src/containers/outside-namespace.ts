import { parseCidr, type Fabric, type Namespace, type Wire } from '@swarmsim/netmodel';

/** Name of the namespace standing for the machine that runs the simulation, one per fabric. */
export const OUTSIDE_NAMESPACE = 'outside';

/**
 * The "outside" host on the underlay: the machine running swarmsim, from which real clients' connections
 * enter the simulation (network + 1 of the underlay, like docker-machine's host-only adapter at 192.168.99.1).
 * Shared by every node of a fabric, because two stations with one address on one wire would confuse ARP.
 * `cidr` is its `address/len`, e.g. from {@link outsideAddressFor}.
 */
export function outsideNamespace(fabric: Fabric, wire: Wire, cidr: string): Namespace {
  const existing = fabric.allNamespaces().find((ns) => ns.name === OUTSIDE_NAMESPACE);
  if (existing !== undefined) return existing;
  const ns = fabric.createNamespace(OUTSIDE_NAMESPACE);
  const eth0 = ns.addEther('eth0');
  wire.attach(eth0);
  ns.addAddress('eth0', cidr);
  ns.setUp('eth0');
  return ns;
}

/**
 * The outside host's `address/len` on a node's underlay: network + 1 (`192.168.99.1/24` for 192.168.99.101/24).
 * Config keeps node addresses off it (CONFIG_ERR_INVALID_ADDRESS), so it is free on the wire.
 */
export function outsideAddressFor(underlayIp: string, prefixLength: number): string {
  const { network } = parseCidr(`${underlayIp}/${prefixLength}`);
  const octets = network.split('.').map(Number);
  // A network address of a /30 or wider prefix ends in an even octet, so + 1 never carries.
  octets[3] = (octets[3] ?? 0) + 1;
  return `${octets.join('.')}/${prefixLength}`;
}
