import type { Namespace } from '../stack/namespace.js';
import { Bridge } from '../link/bridge.js';
import type { NetInterface } from '../link/net-interface.js';
import { VxlanInterface } from '../link/vxlan.js';

/** Filters of `bridge fdb show`. */
export interface BridgeFdbOptions {
  /** `bridge fdb show dev NAME`: only entries of that port; iproute2 then leaves `dev NAME` out of each line. */
  dev?: string;
}

/**
 * `bridge fdb show`: every bridge's entries, and a VXLAN device's own entries as the kernel dumps them with
 * NTF_SELF (`MAC dev vxlan0 dst VTEP link-netnsid 0 self permanent`; learned ones end in `self `).
 */
export function bridgeFdb(ns: Namespace, options: BridgeFdbOptions = {}): string {
  const lines: string[] = [];
  const devPart = (port: NetInterface) => (options.dev === undefined ? `dev ${port.name} ` : '');
  for (const dev of ns.allInterfaces()) {
    if (dev instanceof Bridge) {
      for (const e of dev.entries()) {
        if (options.dev !== undefined && e.port.name !== options.dev) continue;
        const flags = e.isLocal ? ' permanent' : e.isStatic ? ' static' : '';
        lines.push(`${e.mac} ${devPart(e.port)}master ${dev.name}${flags}\n`);
      }
    } else if (dev instanceof VxlanInterface && (options.dev === undefined || options.dev === dev.name)) {
      // NDA_LINK_NETNSID appears once the device lives outside its tunnel namespace; the state is "" for learned.
      const netns = dev.underlay !== dev.namespace ? 'link-netnsid 0 ' : '';
      for (const e of dev.fdbEntries()) {
        lines.push(`${e.mac} ${devPart(dev)}dst ${e.dst} ${netns}self ${e.permanent ? 'permanent' : ''}\n`);
      }
    }
  }
  return lines.join('');
}
