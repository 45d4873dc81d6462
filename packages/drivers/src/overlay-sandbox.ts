import type { Bridge, Namespace, VxlanInterface } from '@swarmsim/netmodel';
import type { OverlayPeer } from './overlay-peer-db.js';

/** One overlay network's namespace on a host: `br0` with the gateway, `vxlan0` enslaved to it. */
export interface OverlaySandbox {
  ns: Namespace;
  br0: Bridge;
  vxlan0: VxlanInterface;
  /** Index of the next `vethN` moved in (osl names interfaces prefix + a counter, never reused). */
  nextVeth: number;
}

/** What {@link createSandbox} needs to know about the network. */
export interface SandboxSpec {
  /** Namespace name, unique in the fabric. */
  nsName: string;
  vni: number;
  /** The gateway with prefix length, e.g. `10.0.1.1/24`. */
  gatewayCidr: string;
  /** The overlay MTU: the underlay's minus the 50 bytes of VXLAN encapsulation. */
  mtu: number;
  /** Host-side names while the devices are created, before they move in (`ov-…`, `vx-…`). */
  vxlanHostName: string;
}

/**
 * `ov_network.go initSandbox + setupSubnetSandbox`: the namespace, then `br0` carrying the gateway address, then
 * the VXLAN device — created in the host namespace so the tunnel runs through the host's routing and eth0, moved in
 * as `vxlan0` and enslaved to br0. Flags as `ov_utils.go createVxlan` sets them: learning, proxy (ARP answered from
 * the neighbour table), l2miss, l3miss, port 4789, and no group and no all-zeros FDB entry, so nothing is flooded.
 */
export function createSandbox(host: Namespace, spec: SandboxSpec): OverlaySandbox {
  const ns = host.fabric.createNamespace(spec.nsName);
  // A Linux bridge takes the smallest MTU of its ports; every port here is at the overlay MTU.
  const br0 = ns.addBridge('br0', { mtu: spec.mtu });
  ns.addAddress('br0', spec.gatewayCidr);
  ns.setUp('br0');
  host.addVxlan(spec.vxlanHostName, {
    vni: spec.vni,
    learning: true,
    proxy: true,
    l2miss: true,
    l3miss: true,
    mtu: spec.mtu
  });
  const vxlan0 = host.moveInterface(spec.vxlanHostName, ns, 'vxlan0') as VxlanInterface;
  br0.addPort(vxlan0);
  ns.setUp('vxlan0');
  return { ns, br0, vxlan0, nextVeth: 0 };
}

/** `peerdb.go addNeighbor`: permanent neighbour IP → MAC on vxlan0 (static ARP), optionally the FDB MAC → VTEP. */
export function programPeer(sbox: OverlaySandbox, peer: OverlayPeer, fdb: boolean): void {
  sbox.ns.neighbors.addPermanent(sbox.vxlan0, peer.ip, peer.mac);
  if (fdb) sbox.vxlan0.addFdb(peer.mac, peer.vtep, { replace: true });
}

/** `peerdb.go deleteNeighbor`: the reverse of {@link programPeer}. */
export function unprogramPeer(sbox: OverlaySandbox, peer: OverlayPeer, fdb: boolean): void {
  if (fdb) sbox.vxlan0.removeFdb(peer.mac);
  sbox.ns.neighbors.delete(sbox.vxlan0, peer.ip);
}
