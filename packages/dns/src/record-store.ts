import { isIpv4 } from '@swarmsim/addr';
import { isIpv6 } from './address.js';
import { dnsError } from './errors.js';
import { NameIndex } from './name-index.js';
import { forwardRecords, type EndpointRecord, type NetworkInfo } from './records.js';

/** Address family of a lookup: 4 answers A, 6 answers AAAA. */
export type Family = 4 | 6;

interface Scope {
  info: NetworkInfo;
  names: NameIndex;
  // ip → container names holding it, oldest first: PTR answers the first (libnetwork ipMap).
  ptr: Map<string, string[]>;
  endpoints: Map<string, EndpointRecord>;
}

/**
 * The per-network record scopes the embedded DNS answers from: what libnetwork's svcRecords hold, fed
 * by endpoint_table events (create/update = {@link RecordStore.setEndpoint}, delete = removeEndpoint).
 */
export class RecordStore {
  private readonly scopes = new Map<string, Scope>();

  /** Creates the (empty) scope of a network. */
  addNetwork(info: NetworkInfo): void {
    if (this.scopes.has(info.id)) throw dnsError({ code: 'DNS_ERR_DUPLICATE_NETWORK', networkId: info.id });
    this.scopes.set(info.id, { info: { ...info }, names: new NameIndex(), ptr: new Map(), endpoints: new Map() });
  }

  /** Drops a network and every record in it; returns whether it existed. */
  removeNetwork(networkId: string): boolean {
    return this.scopes.delete(networkId);
  }

  /** The network's description, or undefined when unknown. */
  network(networkId: string): NetworkInfo | undefined {
    return this.scopes.get(networkId)?.info;
  }

  /** Adds or replaces the records of one endpoint on one network (an endpoint_table create or update). */
  setEndpoint(networkId: string, endpointId: string, record: EndpointRecord): void {
    const scope = this.scope(networkId);
    validate(record);
    this.unlink(scope, endpointId);
    const copy = copyRecord(record);
    scope.endpoints.set(endpointId, copy);
    // Swarm: addSvcRecords returns early for ingress, so the routing mesh network resolves nothing.
    if (scope.info.ingress === true) return;
    for (const [name, ip] of forwardRecords(copy)) scope.names.add(name, ip);
    if (copy.disabled !== true) addPtr(scope.ptr, copy.ip, copy.name);
  }

  /** Removes one endpoint's records (an endpoint_table delete); returns whether it was present. */
  removeEndpoint(networkId: string, endpointId: string): boolean {
    return this.unlink(this.scope(networkId), endpointId);
  }

  /** The record of an endpoint, or undefined. */
  endpoint(networkId: string, endpointId: string): EndpointRecord | undefined {
    return this.scopes.get(networkId)?.endpoints.get(endpointId);
  }

  /** Distinct addresses of `name` (already lower-cased, no trailing dot) of the given family on a network. */
  lookup(networkId: string, name: string, family: Family): string[] {
    const ips = this.scopes.get(networkId)?.names.get(name) ?? [];
    return ips.filter((ip) => ip.includes(':') === (family === 6));
  }

  /** The container name holding `ip` on a network (first holder wins), or undefined. */
  reverse(networkId: string, ip: string): string | undefined {
    return this.scopes.get(networkId)?.ptr.get(ip)?.[0];
  }

  private scope(networkId: string): Scope {
    const scope = this.scopes.get(networkId);
    if (scope === undefined) throw dnsError({ code: 'DNS_ERR_UNKNOWN_NETWORK', networkId });
    return scope;
  }

  private unlink(scope: Scope, endpointId: string): boolean {
    const old = scope.endpoints.get(endpointId);
    if (old === undefined) return false;
    scope.endpoints.delete(endpointId);
    if (scope.info.ingress === true) return true;
    for (const [name, ip] of forwardRecords(old)) scope.names.remove(name, ip);
    if (old.disabled !== true) removePtr(scope.ptr, old.ip, old.name);
    return true;
  }
}

function addPtr(ptr: Map<string, string[]>, ip: string, name: string): void {
  const names = ptr.get(ip);
  if (names === undefined) ptr.set(ip, [name]);
  else names.push(name);
}

function removePtr(ptr: Map<string, string[]>, ip: string, name: string): void {
  const names = ptr.get(ip);
  const i = names?.indexOf(name) ?? -1;
  if (names === undefined || i < 0) return;
  names.splice(i, 1);
  if (names.length === 0) ptr.delete(ip);
}

// The caller may mutate its object later; the store must keep what it was given to undo it exactly.
function copyRecord(r: EndpointRecord): EndpointRecord {
  const service = r.service === undefined ? undefined : { ...r.service, aliases: [...(r.service.aliases ?? [])] };
  return { ...r, aliases: [...(r.aliases ?? [])], service };
}

function validate(r: EndpointRecord): void {
  const names: Array<[string, string]> = [
    ['name', r.name],
    ...(r.aliases ?? []).map((a): [string, string] => ['aliases', a])
  ];
  if (r.service !== undefined) {
    names.push(['service.name', r.service.name]);
    for (const a of r.service.aliases ?? []) names.push(['service.aliases', a]);
  }
  for (const [field, name] of names) {
    if (name.length === 0) throw dnsError({ code: 'DNS_ERR_INVALID_NAME', name, field });
  }
  if (!isIpv4(r.ip)) throw dnsError({ code: 'DNS_ERR_INVALID_ADDRESS', address: r.ip, field: 'ip' });
  if (r.ipv6 !== undefined && !isIpv6(r.ipv6))
    throw dnsError({ code: 'DNS_ERR_INVALID_ADDRESS', address: r.ipv6, field: 'ipv6' });
  const vip = r.service?.vip;
  if (vip !== undefined && !isIpv4(vip))
    throw dnsError({ code: 'DNS_ERR_INVALID_ADDRESS', address: vip, field: 'service.vip' });
}
