import type { Family, RecordStore } from './record-store.js';
import type { NetworkInfo } from './records.js';

/** What a name lookup across the querier's networks found. */
export interface NameLookup {
  /** Distinct addresses, from the first network with a hit. */
  ips: string[];
  /** The name is known with an A record but has no AAAA: answer NOERROR, empty (never forward). */
  ipv6Miss: boolean;
}

const rank = (n: NetworkInfo): number => (n.scope === 'local' ? 2 : n.ingress === true ? 1 : 0);

/** The querier's known networks in libnetwork's ByNetworkType order: user overlays, ingress, local. */
export function orderNetworks(store: RecordStore, networkIds: readonly string[]): NetworkInfo[] {
  const known = networkIds.map((id) => store.network(id)).filter((n): n is NetworkInfo => n !== undefined);
  return known
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map((x) => x.n);
}

/**
 * libnetwork Sandbox.ResolveName: `a.b.c` is tried as `a.b.c` on every network, then `a.b` on network
 * `c`, then `a` on network `b.c`; the first network with a hit wins.
 */
export function resolveName(
  store: RecordStore,
  networks: readonly NetworkInfo[],
  qname: string,
  family: Family
): NameLookup {
  const name = qname.toLowerCase().replace(/\.$/, '');
  const candidates: Array<[string, string | undefined]> = [[name, undefined]];
  for (let i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
    candidates.push([name.slice(0, i), name.slice(i + 1)]);
  }
  for (const [req, netName] of candidates) {
    let ipv6Miss = false;
    for (const net of networks) {
      if (netName !== undefined && net.name.toLowerCase() !== netName) continue;
      const ips = store.lookup(net.id, req, family);
      if (ips.length > 0) return { ips, ipv6Miss: false };
      if (family === 6 && store.lookup(net.id, req, 4).length > 0) ipv6Miss = true;
    }
    if (ipv6Miss) return { ips: [], ipv6Miss };
  }
  return { ips: [], ipv6Miss: false };
}

/** libnetwork Sandbox.ResolveIP: the first network holding `ip` answers `<container name>.<network name>`. */
export function resolveIp(store: RecordStore, networks: readonly NetworkInfo[], ip: string): string | undefined {
  for (const net of networks) {
    const name = store.reverse(net.id, ip);
    if (name !== undefined) return `${name}.${net.name}`;
  }
  return undefined;
}
