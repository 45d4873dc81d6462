import { ManualClock } from '@swarmsim/clock';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { decodeEthernet, decodeIpv4, decodeUdp, decodeVxlan, EtherType, IpProtocol } from '@swarmsim/packet';
import { createDockerHost, type DockerHost, type OverlayNetwork } from '../src/index.js';

/** The two nodes' underlay addresses, on one LAN. */
export const UNDERLAY = { a: '192.168.99.100', b: '192.168.99.101' } as const;
/** The first user overlay network (FIDELITY.md §1.1). */
export const OVERNET = { name: 'overnet', vni: 4097, subnet: '10.0.1.0/24' } as const;

/** One frame seen on a host's eth0. */
export interface Captured {
  frame: Uint8Array;
  direction: 'rx' | 'tx';
}

/** A Docker host on the LAN, every frame of its eth0 recorded, with the overlay network created (not yet built). */
export interface LabHost {
  docker: DockerHost;
  eth0: Captured[];
  overnet: OverlayNetwork;
}

/** Two Docker hosts on one Wire, on a ManualClock: nothing moves until `clock.tick()`. */
export function overlayLab() {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock }, { seed: 9 });
  const lan = new Wire('underlay');
  const host = (name: string, ip: string): LabHost => {
    const docker = createDockerHost(fabric, name, { wire: lan, cidr: `${ip}/24` });
    const eth0: Captured[] = [];
    docker.ns.interface('eth0').tap = (frame, direction) => eth0.push({ frame, direction });
    return { docker, eth0, overnet: docker.overlays.createNetwork({ ...OVERNET }) };
  };
  return { clock, fabric, a: host('node-a', UNDERLAY.a), b: host('node-b', UNDERLAY.b) };
}

/** The VXLAN datagrams among captured underlay frames, decoded down to the inner IPv4 packet. */
export function vxlanFrames(captured: Captured[]) {
  return captured.flatMap(({ frame, direction }) => {
    const eth = decodeEthernet(frame);
    if (eth.etherType !== EtherType.IPv4) return [];
    const ip = decodeIpv4(eth.payload);
    if (ip.protocol !== IpProtocol.UDP) return [];
    const udp = decodeUdp(ip.payload, ip.src, ip.dst);
    if (udp.dstPort !== 4789) return [];
    const vxlan = decodeVxlan(udp.payload);
    const inner = decodeEthernet(vxlan.payload);
    return [{ direction, ip, udp, vxlan, inner, innerIp: decodeIpv4(inner.payload) }];
  });
}
