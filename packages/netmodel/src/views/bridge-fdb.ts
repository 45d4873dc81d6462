import type { Namespace } from '../stack/namespace.js';
import { Bridge } from '../link/bridge.js';

/** `bridge fdb show` for every bridge of the namespace. */
export function bridgeFdb(ns: Namespace): string {
  const lines: string[] = [];
  for (const dev of ns.allInterfaces()) {
    if (!(dev instanceof Bridge)) continue;
    for (const e of dev.entries()) {
      const port = e.port === dev ? `dev ${dev.name} master ${dev.name}` : `dev ${e.port.name} master ${dev.name}`;
      const flags = e.isLocal ? ' permanent' : e.isStatic ? ' static' : '';
      lines.push(`${e.mac} ${port}${flags}\n`);
    }
  }
  return lines.join('');
}
