import { ipv4FromReverse } from './address.js';
import type { RecordStore } from './record-store.js';
import { orderNetworks, resolveName, resolveIp } from './scoped-lookup.js';
import type { ParsedQuery } from './wire.js';

/** A locally known answer: addresses (A/AAAA), a PTR target, or neither (NOERROR with no records). */
export interface LocalAnswer {
  ips: string[];
  ptr?: string;
}

const EMPTY: LocalAnswer = { ips: [] };
const PTR_V4 = '.in-addr.arpa';

/**
 * libnetwork Resolver.serveDNS by query type: undefined means "not ours", so the query is forwarded.
 * SRV and every other type are never answered locally (ResolveService reads an unpopulated map).
 */
export function answerLocally(
  store: RecordStore,
  networkIds: readonly string[],
  q: ParsedQuery
): LocalAnswer | undefined {
  // A name with odd bytes cannot be a Docker name (those are [a-zA-Z0-9][a-zA-Z0-9_.-]*): not ours.
  if (!q.plainName) return undefined;
  const networks = orderNetworks(store, networkIds);
  switch (q.type) {
    case 'A':
    case 'AAAA': {
      const found = resolveName(store, networks, q.name, q.type === 'A' ? 4 : 6);
      if (found.ips.length > 0) return { ips: found.ips };
      // Swarm: a v4-only known name answers AAAA with NOERROR and no records instead of going upstream.
      return found.ipv6Miss ? EMPTY : undefined;
    }
    case 'MX': {
      const known =
        resolveName(store, networks, q.name, 4).ips.length + resolveName(store, networks, q.name, 6).ips.length;
      // Docker handleMXQuery: a known name gets an empty NOERROR so mail clients fall back to "implicit MX".
      return known > 0 ? EMPTY : undefined;
    }
    case 'PTR': {
      const name = q.name.toLowerCase().replace(/\.$/, '');
      if (!name.endsWith(PTR_V4)) return undefined;
      const ip = ipv4FromReverse(name.slice(0, -PTR_V4.length));
      const host = ip === undefined ? undefined : resolveIp(store, networks, ip);
      return host === undefined ? undefined : { ips: [], ptr: host };
    }
    default:
      return undefined;
  }
}
