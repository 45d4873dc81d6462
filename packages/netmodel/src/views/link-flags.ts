import type { NetInterface } from '../link/net-interface.js';

/** `ip link` flag list, e.g. `<BROADCAST,MULTICAST,UP,LOWER_UP>`. */
export function ipLinkFlags(dev: NetInterface): string {
  const flags = dev.kind === 'loopback' ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST'];
  if (dev.up) flags.push('UP');
  if (dev.operational) flags.push('LOWER_UP');
  else if (dev.up) flags.unshift('NO-CARRIER');
  return `<${flags.join(',')}>`;
}

/** `ip link` operational state word. */
export function operState(dev: NetInterface): string {
  // Neither loopback nor a VXLAN device reports carrier, so the kernel leaves their operstate UNKNOWN.
  if (dev.kind === 'loopback' || (dev.kind === 'vxlan' && dev.up)) return 'UNKNOWN';
  if (!dev.up) return 'DOWN';
  if (!dev.operational) return dev.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
  return 'UP';
}

/** The kernel's IFF_* bit value ifconfig prints, e.g. 4163 for UP,BROADCAST,RUNNING,MULTICAST. */
export function ifconfigFlags(dev: NetInterface): { value: number; names: string[] } {
  const bits: [number, string, boolean][] = [
    [0x1, 'UP', dev.up],
    [0x2, 'BROADCAST', dev.kind !== 'loopback'],
    [0x8, 'LOOPBACK', dev.kind === 'loopback'],
    [0x40, 'RUNNING', dev.operational],
    [0x1000, 'MULTICAST', dev.kind !== 'loopback']
  ];
  const on = bits.filter(([, , set]) => set);
  return { value: on.reduce((v, [bit]) => v | bit, 0), names: on.map(([, name]) => name) };
}

/** The name `ip` prints: veths show their peer's index (`eth0@if7`). */
export function ipLinkName(dev: NetInterface): string {
  const peer = (dev as { peer?: NetInterface }).peer;
  return dev.kind === 'veth' && peer !== undefined ? `${dev.name}@if${peer.ifIndex}` : dev.name;
}
