import { Ipam } from '@swarmsim/addr';
import type { Fabric, Namespace, Wire } from '@swarmsim/netmodel';
import { BridgeDriver, type BridgeNetwork } from './bridge-driver.js';
import { installDockerChains } from './docker-firewall.js';
import { OverlayDriver } from './overlay-driver.js';

/** Where a host's eth0 sits on the underlay. */
export interface UnderlayAttachment {
  wire: Wire;
  /** eth0 address with prefix, e.g. `192.168.99.100/24`. */
  cidr: string;
  /** Default gateway on the underlay, if any. */
  gateway?: string;
  mac?: string;
}

/** A Docker engine's host network stack: root namespace, eth0, docker0, the bridge and overlay drivers. */
export interface DockerHost {
  ns: Namespace;
  ipam: Ipam;
  bridges: BridgeDriver;
  /** The default `bridge` network (docker0). */
  defaultBridge: BridgeNetwork;
  /** Overlay networks, tunnelled through this namespace's eth0. */
  overlays: OverlayDriver;
}

/**
 * Builds a host as dockerd leaves it after start: ip_forward on, Docker's iptables chains, the default
 * `bridge` network on docker0 (172.17.0.1/16, the first local pool), eth0 on the underlay when given.
 */
export function createDockerHost(
  fabric: Fabric,
  name: string,
  underlay?: UnderlayAttachment,
  ipam: Ipam = new Ipam()
): DockerHost {
  const ns = fabric.createNamespace(name, { ipForward: true });
  if (underlay !== undefined) {
    const eth0 = ns.addEther('eth0', { mac: underlay.mac });
    underlay.wire.attach(eth0);
    ns.addAddress('eth0', underlay.cidr);
    ns.setUp('eth0');
    if (underlay.gateway !== undefined) ns.routes.addDefault(underlay.gateway, 'eth0');
  }
  installDockerChains(ns.netfilter);
  const bridges = new BridgeDriver(ns, ipam);
  const defaultBridge = bridges.createNetwork('bridge', { bridgeName: 'docker0' });
  return { ns, ipam, bridges, defaultBridge, overlays: new OverlayDriver(ns) };
}
