/** A network the store keeps a record scope for. */
export interface NetworkInfo {
  /** Network id: records are scoped by it, as libnetwork keys svcRecords by network ID. */
  id: string;
  /** Network name, matched by `<name>.<network>` queries and appended to PTR answers. */
  name: string;
  /** The swarm routing mesh network: it never holds records (libnetwork addSvcRecords returns early). */
  ingress?: boolean;
  /** `swarm` (overlay) networks are searched before ingress, `local` ones (docker_gwbridge, bridges) last. @default 'swarm' */
  scope?: 'swarm' | 'local';
}

/** The service side of a task's endpoint, as NetworkDB's endpoint_table carries it. */
export interface ServiceBinding {
  /** Service id: the VIP record is shared by every task of the service on the network. */
  id: string;
  /** Service name: answers the VIP (vip mode) or the task IPs (dnsrr), and `tasks.<name>` answers task IPs. */
  name: string;
  /** The service VIP on this network; absent in dnsrr mode. */
  vip?: string;
  /** Network aliases of the service (`--network name=n,alias=a`): behave like the service name. */
  aliases?: readonly string[];
}

/**
 * One endpoint on one network, mirroring libnetwork's EndpointRecord (name, service name/id, virtual IP,
 * endpoint IP, aliases, task aliases, service_disabled).
 */
export interface EndpointRecord {
  /** Container name; a task's is `<svc>.<slot>.<taskID>` (global services: `<svc>.<nodeID>.<taskID>`). */
  name: string;
  /** The endpoint's IPv4 address on this network. */
  ip: string;
  /** The endpoint's IPv6 address, when the network is dual-stack. */
  ipv6?: string;
  /** More names of this container only (its `--network-alias`es, short ID, hostname): answer its own IP. */
  aliases?: readonly string[];
  /** Present when the endpoint is a service task. */
  service?: ServiceBinding;
  /** The task is draining (IPVS weight 0): its names leave DNS, the service VIP stays. @default false */
  disabled?: boolean;
}

/** The `name → ip` pairs one endpoint contributes to its network's scope (names lower-cased). */
export function forwardRecords(record: EndpointRecord): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const own = (name: string): void => {
    out.push([name.toLowerCase(), record.ip]);
    if (record.ipv6 !== undefined) out.push([name.toLowerCase(), record.ipv6]);
  };
  const svc = record.service;
  const svcNames = svc === undefined ? [] : [svc.name, ...(svc.aliases ?? [])];
  // Swarm: the VIP record is removed only with the last backend, so a disabled task still holds it.
  if (svc?.vip !== undefined) for (const n of svcNames) out.push([n.toLowerCase(), svc.vip]);
  if (record.disabled === true) return out;
  own(record.name);
  for (const alias of record.aliases ?? []) own(alias);
  for (const n of svcNames) {
    own(`tasks.${n}`);
    // Swarm dnsrr: the service name itself answers the task IPs.
    if (svc?.vip === undefined) own(n);
  }
  return out;
}
