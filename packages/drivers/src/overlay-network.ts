import { cidrContains, cidrToPrefix, formatIpv4, formatPrefix } from '@swarmsim/addr';
import type { Namespace, VxlanInterface } from '@swarmsim/netmodel';
import { macFromIpv4 } from '@swarmsim/packet';
import { DriverError } from './errors.js';
import { PeerDb, type OverlayPeer, type PeerDbChange } from './overlay-peer-db.js';
import { createSandbox, programPeer, unprogramPeer, type OverlaySandbox } from './overlay-sandbox.js';

/** Bytes VXLAN adds around an inner frame: outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8 (`overlay.go vxlanEncap`). */
export const VXLAN_ENCAP_BYTES = 50;

/** `docker network create -d overlay` as one host's driver sees it: one IPv4 subnet and its VNI. */
export interface OverlayNetworkOptions {
  /** Network name; the namespace is `<host>:ov-<name>`. */
  name: string;
  /** The subnet's VXLAN id (`com.docker.network.driver.overlay.vxlanid_list`), 4096 and up in Swarm. */
  vni: number;
  /** e.g. `10.0.1.0/24`. */
  subnet: string;
  /** @default the subnet's first address (Docker's IPAM default gateway) */
  gateway?: string;
  /** `com.docker.network.driver.mtu`, the underlay MTU the overlay must fit in. @default 1500 */
  mtu?: number;
}

/** Options of {@link OverlayNetwork.join}: the endpoint IPAM gave the container. */
export interface OverlayJoinOptions {
  ip: string;
  /** @default the subnet's prefix length */
  prefixLength?: number;
  /** @default `02:42:` + the IP's four bytes, Docker's classic MAC */
  mac?: string;
  /** Container-side interface name (Docker: `eth` + the network's order in the container). @default `eth0` */
  ifName?: string;
}

/** A container's attachment to an overlay network on this host. */
export interface OverlayEndpoint {
  network: OverlayNetwork;
  ns: Namespace;
  ifName: string;
  ip: string;
  mac: string;
  /** The other veth end, a port of br0 in the overlay namespace (`veth0`, `veth1`, …). */
  sandboxVeth: string;
}

/** What this host must know to build the network's namespace. */
export interface OverlayHostContext {
  ns: Namespace;
  /** Called once the network is removed, so the driver forgets it. */
  onRemove(network: OverlayNetwork): void;
}

/**
 * One overlay network on one host, as libnetwork's overlay driver keeps it (`ov_network.go`, `joinleave.go`,
 * `peerdb.go`). Lazy: the namespace with `br0` and `vxlan0` exists only while at least one local endpoint is joined
 * (`joinSandbox` / `leaveSandbox`); the peer database outlives it and is replayed into the next one. Remote peers
 * become a permanent neighbour entry and a static FDB entry on vxlan0; a peer on this host's own VTEP is ignored,
 * since local endpoints meet on br0. Nothing is flooded: a frame to an address without a peer is dropped by vxlan0
 * and counted in its `stats` (`noTxTarget`, and `l3Misses` for the unanswered ARP request).
 */
export class OverlayNetwork {
  readonly name: string;
  readonly vni: number;
  /** The subnet in canonical form. */
  readonly subnet: string;
  readonly gateway: string;
  readonly prefixLength: number;
  /** The overlay MTU, 1450 on a 1500-byte underlay. */
  readonly mtu: number;
  /** The namespace name, `<host>:ov-<name>` (Docker: `/var/run/docker/netns/1-<network id[:10]>`). */
  readonly nsName: string;
  readonly endpoints = new Set<OverlayEndpoint>();
  private readonly peers = new PeerDb();
  private sbox: OverlaySandbox | undefined;
  private removed = false;

  constructor(
    private readonly host: OverlayHostContext,
    options: OverlayNetworkOptions
  ) {
    const prefix = cidrToPrefix(options.subnet);
    this.name = options.name;
    this.vni = options.vni;
    this.subnet = formatPrefix(prefix);
    this.prefixLength = prefix.prefixLength;
    this.gateway = options.gateway ?? formatIpv4(prefix.start + 1);
    this.assertInSubnet(this.gateway);
    this.mtu = (options.mtu ?? 1500) - VXLAN_ENCAP_BYTES;
    this.nsName = `${host.ns.name}:ov-${options.name}`;
  }

  /** The network's namespace, while a local endpoint is joined. */
  get namespace(): Namespace | undefined {
    return this.sbox?.ns;
  }

  /** Its `vxlan0`, while the namespace exists; `stats` count what was dropped for want of a peer. */
  get vxlan(): VxlanInterface | undefined {
    return this.sbox?.vxlan0;
  }

  /**
   * `joinleave.go Join`: a veth pair at the overlay MTU, one end a port of br0 in the overlay namespace, the other
   * the container's `ifName` with the MAC and address, and a route to the subnet. No default route: Docker leaves
   * that to docker_gwbridge.
   */
  join(ns: Namespace, options: OverlayJoinOptions): OverlayEndpoint {
    this.assertNotRemoved();
    this.assertInSubnet(options.ip);
    const sbox = this.joinSandbox();
    const ifName = options.ifName ?? 'eth0';
    const mac = (options.mac ?? macFromIpv4(options.ip)).toLowerCase();
    const sandboxVeth = `veth${sbox.nextVeth}`;
    try {
      const [outside] = sbox.ns.addVethPair(sandboxVeth, ifName, ns, { mtu: this.mtu, peerMac: mac });
      sbox.br0.addPort(outside);
      sbox.ns.setUp(sandboxVeth);
      // The connected route of the address is the route to the subnet (Docker adds static routes only for a
      // network's *other* subnets, via their gateways).
      ns.addAddress(ifName, `${options.ip}/${options.prefixLength ?? this.prefixLength}`);
      ns.setUp(ifName);
    } catch (err) {
      // A failed Join leaves nothing behind: no half-made veth, and no namespace built for it alone.
      sbox.ns.removeInterface(sandboxVeth);
      if (this.endpoints.size === 0) this.destroySandbox();
      throw err;
    }
    sbox.nextVeth++;
    const ep: OverlayEndpoint = { network: this, ns, ifName, ip: options.ip, mac, sandboxVeth };
    this.endpoints.add(ep);
    return ep;
  }

  /** `joinleave.go Leave`: deletes the veth pair; the last local endpoint takes the namespace with it. */
  leave(ep: OverlayEndpoint): void {
    if (!this.endpoints.delete(ep)) return;
    // Deleting one veth end deletes the container's too, with its address and connected route.
    this.sbox?.ns.removeInterface(ep.sandboxVeth);
    if (this.endpoints.size === 0) this.destroySandbox();
  }

  /** `peerAdd` for a remote endpoint (an `overlay_peer_table` record): neighbour + FDB entry on vxlan0. */
  addPeer(ip: string, mac: string, vtep: string): void {
    this.assertInSubnet(ip);
    if (this.isLocalVtep(vtep)) return;
    this.apply(this.peers.add({ ip, mac: mac.toLowerCase(), vtep }));
  }

  /** `peerDelete`: removes what {@link addPeer} programmed, restoring a transient duplicate of the IP if any. */
  removePeer(ip: string, mac: string, vtep: string): void {
    if (this.isLocalVtep(vtep)) return;
    this.apply(this.peers.delete({ ip, mac: mac.toLowerCase(), vtep }));
  }

  /** Every remote peer recorded, the programmed one of each IP. */
  listPeers(): OverlayPeer[] {
    return this.peers.active();
  }

  /** `DeleteNetwork`: refused while local endpoints are joined. */
  remove(): void {
    if (this.removed) return;
    if (this.endpoints.size > 0) {
      throw new DriverError(
        { code: 'DRIVER_ERR_NETWORK_IN_USE', network: this.name },
        `error while removing network: network ${this.name} has active endpoints`
      );
    }
    this.destroySandbox();
    this.removed = true;
    this.host.onRemove(this);
  }

  private joinSandbox(): OverlaySandbox {
    if (this.sbox !== undefined) return this.sbox;
    const sbox = createSandbox(this.host.ns, {
      nsName: this.nsName,
      vni: this.vni,
      gatewayCidr: `${this.gateway}/${this.prefixLength}`,
      mtu: this.mtu,
      vxlanHostName: `vx-${this.vni.toString(16).padStart(6, '0')}-${this.name.slice(0, 5)}`
    });
    this.sbox = sbox;
    // initSandboxPeerDB: peers announced before the namespace existed.
    for (const peer of this.peers.active()) programPeer(sbox, peer, true);
    return sbox;
  }

  private destroySandbox(): void {
    if (this.sbox === undefined) return;
    this.host.ns.fabric.deleteNamespace(this.sbox.ns.name);
    this.sbox = undefined;
  }

  private apply(change: PeerDbChange | undefined): void {
    const sbox = this.sbox;
    if (change === undefined || sbox === undefined) return;
    if (change.deactivate !== undefined) unprogramPeer(sbox, change.deactivate, change.fdbDelete !== undefined);
    else if (change.fdbDelete !== undefined) sbox.vxlan0.removeFdb(change.fdbDelete.mac);
    if (change.activate !== undefined) programPeer(sbox, change.activate, change.fdbAdd !== undefined);
  }

  // Peer records carrying this node's own advertise address are ignored (joinleave.go EventNotify).
  private isLocalVtep(vtep: string): boolean {
    return this.host.ns.isLocalAddress(vtep);
  }

  private assertInSubnet(ip: string): void {
    if (cidrContains(this.subnet, ip)) return;
    throw new DriverError(
      { code: 'DRIVER_ERR_NOT_IN_SUBNET', network: this.name, address: ip },
      `couldn't find the subnet "${ip}" in network "${this.name}"`
    );
  }

  private assertNotRemoved(): void {
    if (!this.removed) return;
    throw new DriverError({ code: 'DRIVER_ERR_NO_SUCH_NETWORK', network: this.name }, `network ${this.name} not found`);
  }
}
