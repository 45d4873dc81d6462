import { ManualClock } from '@swarmsim/clock';
import { macFromIpv4 } from '@swarmsim/packet';
import { Fabric, Wire, type Bridge, type Namespace, type VxlanInterface, type VxlanOptions } from '../../src/index.js';

/** The VNI of the first user overlay network (FIDELITY.md §1.1). */
export const VNI = 4097;
export const UNDERLAY = { a: '192.168.99.100', b: '192.168.99.101' } as const;

/** One frame seen by a tap. */
export interface Captured {
  frame: Uint8Array;
  direction: 'rx' | 'tx';
}

/** One node: its host namespace on the underlay, and per overlay network a namespace with br0 + vxlan0. */
export interface OverlayHost {
  host: Namespace;
  /** Every frame on the host's eth0. */
  eth0: Captured[];
  overlays: Map<number, { ns: Namespace; br0: Bridge; vxlan0: VxlanInterface }>;
}

/** Two Docker-like nodes on one LAN (192.168.99.0/24), on a ManualClock: nothing moves until `clock.tick()`. */
export class OverlayLab {
  readonly clock = new ManualClock();
  readonly fabric = new Fabric({ clock: this.clock }, { seed: 3 });
  readonly lan = new Wire('underlay');
  readonly a: OverlayHost;
  readonly b: OverlayHost;

  constructor() {
    this.a = this.host('a', UNDERLAY.a);
    this.b = this.host('b', UNDERLAY.b);
  }

  /**
   * Docker's per-network sandbox (`ov_network.go setupSubnetSandbox`): `br0` with the gateway address, and the
   * VXLAN device created in the host namespace, then moved in as `vxlan0` and enslaved to br0.
   */
  addOverlay(h: OverlayHost, vni: number, gateway: string, options: Partial<VxlanOptions> = {}): VxlanInterface {
    const ns = this.fabric.createNamespace(`${h.host.name}-ov-${vni}`);
    const br0 = ns.addBridge('br0', { mtu: 1450 });
    ns.addAddress('br0', gateway);
    ns.setUp('br0');
    const hostName = `vx-${vni.toString(16).padStart(6, '0')}-net${vni}`;
    h.host.addVxlan(hostName, { vni, proxy: true, l2miss: true, l3miss: true, ...options });
    const vxlan0 = h.host.moveInterface(hostName, ns, 'vxlan0') as VxlanInterface;
    br0.addPort(vxlan0);
    ns.setUp('vxlan0');
    h.overlays.set(vni, { ns, br0, vxlan0 });
    return vxlan0;
  }

  /** A container on overlay `vni` of `h`: veth with MTU 1450 and MAC 02:42:+IP, as `joinleave.go Join` sets up. */
  addContainer(h: OverlayHost, vni: number, name: string, ip: string, prefix = 24): Namespace {
    const overlay = h.overlays.get(vni)!;
    const ns = this.fabric.createNamespace(name);
    const [outside] = overlay.ns.addVethPair(`veth-${name}`, 'eth0', ns, { mtu: 1450, peerMac: macFromIpv4(ip) });
    overlay.br0.addPort(outside);
    overlay.ns.setUp(outside.name);
    ns.addAddress('eth0', `${ip}/${prefix}`);
    ns.setUp('eth0');
    return ns;
  }

  /** What the overlay driver programs for a remote peer (`peerdb.go addNeighbor`): ARP entry and FDB entry. */
  addPeer(h: OverlayHost, vni: number, ip: string, vtep: string): void {
    const { ns, vxlan0 } = h.overlays.get(vni)!;
    ns.neighbors.addPermanent(vxlan0, ip, macFromIpv4(ip));
    vxlan0.addFdb(macFromIpv4(ip), vtep);
  }

  private host(name: string, address: string): OverlayHost {
    const host = this.fabric.createNamespace(name, { ipForward: true });
    const eth0 = host.addEther('eth0', { mac: macFromIpv4(address).replace('02:42', '02:00') });
    this.lan.attach(eth0);
    host.addAddress('eth0', `${address}/24`);
    host.setUp('eth0');
    const h: OverlayHost = { host, eth0: [], overlays: new Map() };
    eth0.tap = (frame, direction) => h.eth0.push({ frame, direction });
    return h;
  }
}
