import { prefixToNetmask } from '@swarmsim/addr';
import type { NetInterface } from '../link/net-interface.js';
import type { Namespace } from '../stack/namespace.js';
import { ifconfigFlags } from './link-flags.js';

/** `ifconfig` (net-tools 2.10) for every interface that is up, or for one named interface. */
export function ifconfig(ns: Namespace, name?: string): string {
  const devs = name === undefined ? ns.allInterfaces().filter((d) => d.up) : [ns.interface(name)];
  return devs.map(ifconfigOne).join('\n');
}

function ifconfigOne(dev: NetInterface): string {
  const flags = ifconfigFlags(dev);
  const c = dev.counters;
  const lines = [`${dev.name}: flags=${flags.value}<${flags.names.join(',')}>  mtu ${dev.mtu}`];
  for (const a of dev.addresses) {
    const bcast = a.broadcast !== undefined && dev.kind !== 'loopback' ? `  broadcast ${a.broadcast}` : '';
    lines.push(`        inet ${a.address}  netmask ${prefixToNetmask(a.prefixLength)}${bcast}`);
  }
  lines.push(
    dev.kind === 'loopback'
      ? '        loop  txqueuelen 1000  (Local Loopback)'
      : `        ether ${dev.mac}  txqueuelen ${dev.kind === 'ether' ? 1000 : 0}  (Ethernet)`
  );
  lines.push(`        RX packets ${c.rxPackets}  bytes ${c.rxBytes} (${humanBytes(c.rxBytes)})`);
  lines.push(`        RX errors ${c.rxErrors}  dropped ${c.rxDropped}  overruns 0  frame 0`);
  lines.push(`        TX packets ${c.txPackets}  bytes ${c.txBytes} (${humanBytes(c.txBytes)})`);
  lines.push(`        TX errors ${c.txErrors}  dropped ${c.txDropped} overruns 0  carrier 0  collisions 0`);
  return `${lines.join('\n')}\n`;
}

/** net-tools' byte formatting: `1.0 KiB`, `378.0 B`. */
export function humanBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
