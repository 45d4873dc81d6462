import type { NetInterface } from '../link/net-interface.js';
import type { Namespace } from '../stack/namespace.js';
import { ipLinkFlags, ipLinkName, operState } from './link-flags.js';

function linkHeader(dev: NetInterface, mode: boolean): string {
  const master = dev.master !== undefined ? ` master ${dev.master.name}` : '';
  const modeText = mode ? ' mode DEFAULT' : '';
  const qlen = dev.kind === 'loopback' || dev.kind === 'ether' ? ' qlen 1000' : ' ';
  const qdisc = dev.kind === 'ether' ? 'pfifo_fast' : 'noqueue';
  return `${dev.ifIndex}: ${ipLinkName(dev)}: ${ipLinkFlags(dev)} mtu ${dev.mtu} qdisc ${qdisc}${master} state ${operState(dev)}${modeText} group default${qlen}`;
}

function linkLine(dev: NetInterface): string {
  if (dev.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  const link = dev.linkNamespace();
  const netns = link !== undefined && link !== dev.namespace ? ' link-netnsid 0' : '';
  return `    link/ether ${dev.mac} brd ff:ff:ff:ff:ff:ff${netns}`;
}

/** `ip link` (iproute2 6.x layout). */
export function ipLink(ns: Namespace): string {
  return ns
    .allInterfaces()
    .map((d) => `${linkHeader(d, true)}\n${linkLine(d)}\n`)
    .join('');
}

/** `ip addr`. */
export function ipAddr(ns: Namespace): string {
  return ns
    .allInterfaces()
    .map((d) => {
      const lines = [linkHeader(d, false), linkLine(d)];
      for (const a of d.addresses) {
        const brd = a.broadcast !== undefined && d.kind !== 'loopback' ? ` brd ${a.broadcast}` : '';
        const scope = d.kind === 'loopback' ? 'host' : 'global';
        lines.push(`    inet ${a.address}/${a.prefixLength}${brd} scope ${scope} ${d.name}`);
        lines.push('       valid_lft forever preferred_lft forever');
      }
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

/** `ip route` (main table). */
export function ipRoute(ns: Namespace): string {
  return (
    ns.routes
      .list()
      .slice()
      // iproute2 prints the default route first, then by prefix as stored.
      .sort((a, b) => (a.prefixLength === 0 ? -1 : b.prefixLength === 0 ? 1 : 0))
      .map((r) => {
        const dst = r.prefixLength === 0 ? 'default' : `${r.network}/${r.prefixLength}`;
        const via = r.via !== undefined ? ` via ${r.via}` : '';
        const proto = r.protocol === 'kernel' ? ' proto kernel' : '';
        const scope = r.scope === 'link' && r.via === undefined ? ' scope link' : '';
        const src = r.protocol === 'kernel' && r.src !== undefined ? ` src ${r.src}` : '';
        const metric = r.metric !== 0 ? ` metric ${r.metric}` : '';
        return `${dst}${via} dev ${r.dev}${proto}${scope}${src}${metric} \n`;
      })
      .join('')
  );
}

/** `ip neigh`. */
export function ipNeigh(ns: Namespace): string {
  return ns.neighbors
    .entries()
    .map((e) => {
      const lladdr = e.mac !== undefined && e.state !== 'FAILED' && e.state !== 'INCOMPLETE' ? ` lladdr ${e.mac}` : ' ';
      return `${e.ip} dev ${e.dev.name}${lladdr} ${e.state}\n`;
    })
    .join('');
}
