/**
 * @packageDocumentation
 * Docker's embedded DNS server (127.0.0.11) as a pure, sans-I/O engine: query bytes in, reply bytes out.
 * Records live in per-network scopes fed like NetworkDB's endpoint_table; a container sees only the
 * networks it is attached to; unknown names go to up to 3 upstream {@link Forwarder}s, 4 s each on the
 * injected clock, then SERVFAIL.
 *
 * @example
 * ```ts
 * import dnsPacket from 'dns-packet';
 * import { RecordStore, dnsResolver } from '@swarmsim/dns';
 * import { ManualClock } from '@swarmsim/clock';
 *
 * const store = new RecordStore();
 * store.addNetwork({ id: 'n1', name: 'backend' });
 * store.setEndpoint('n1', 'ep1', { name: 'web.1.abc', ip: '10.0.1.3', service: { id: 's1', name: 'web', vip: '10.0.1.2' } });
 * const resolver = dnsResolver({ seed: 7 })({ clock: new ManualClock(), store });
 * const query = dnsPacket.encode({ id: 1, type: 'query', questions: [{ type: 'A', name: 'web' }] });
 * const reply = await resolver.resolve(query, { networks: ['n1'] });
 * // dnsPacket.decode(reply).answers → [{ type: 'A', name: 'web', ttl: 600, data: '10.0.1.2' }]
 * ```
 */
export { DnsError, type DnsErrorCode, type DnsErrorType } from './errors.js';
export { RecordStore, type Family } from './record-store.js';
export type { EndpointRecord, NetworkInfo, ServiceBinding } from './records.js';
export {
  Resolver,
  dnsResolver,
  type LocalResult,
  type QueryContext,
  type ResolverComponents,
  type ResolverInit,
  type ResolverStats
} from './resolver.js';
export type { Forwarder } from './upstream.js';
export { Rcode, type ParsedQuery } from './wire.js';
