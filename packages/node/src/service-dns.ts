import { dnsResolver, RecordStore, type EndpointRecord, type Resolver } from '@swarmsim/dns';
import type { Gossip, TableEntry } from '@swarmsim/gossip';
import type { Clock, Logger, Random } from '@swarmsim/interface';
import type { Namespace } from '@swarmsim/netmodel';
import type { Assignment } from '@swarmsim/swarm';
import { EmbeddedDns } from './containers/embedded-dns.js';

/** NetworkDB's table of service endpoints, which feeds the embedded DNS (libnetwork `service_common.go`). */
export const ENDPOINT_TABLE = 'endpoint_table';

/** Collaborators of {@link ServiceDns}. */
export interface ServiceDnsComponents {
  gossip: Gossip;
  clock: Clock;
  random: Random;
  logger: Logger;
}

interface Published {
  networks: string[];
  dns: EmbeddedDns;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Service discovery on one node, as Docker's embedded DNS serves it in tasks: each task's endpoint on each of its
 * (non-ingress) networks is published in the gossip `endpoint_table` (task name `<svc>.<slot>.<taskid>`, its IP,
 * the service's name and VIP), every record of a network this node is on is kept in a per-network scope, and each
 * task gets a resolver at 127.0.0.11 that sees only its own networks' records: the service name answers the VIP
 * (dnsrr: the task IPs), `tasks.<svc>` the task IPs. A node without a task on a network holds none of its records.
 */
export class ServiceDns {
  private readonly store = new RecordStore();
  private readonly resolver: Resolver;
  private readonly published = new Map<string, Published>();
  /** Endpoint ids held per network (local and remote), for status and convergence. */
  private readonly held = new Map<string, Set<string>>();
  private readonly unsubscribe: (() => void)[];
  private closed = false;

  constructor(private readonly c: ServiceDnsComponents) {
    this.resolver = dnsResolver()({ clock: c.clock, store: this.store, random: c.random, logger: c.logger });
    this.unsubscribe = [
      c.gossip.on('table:create', (e) => this.onRecord(e, true)),
      c.gossip.on('table:update', (e) => this.onRecord(e, true)),
      c.gossip.on('table:delete', (e) => this.onRecord(e, false))
    ];
  }

  /**
   * Publishes the task's endpoints and starts its resolver. Call after the task joined its networks' gossip (the
   * overlay attachment does), so the records other nodes hold reach this node by bulk sync.
   */
  attach(task: Assignment, ns: Namespace): void {
    const networks = task.networks.filter((n) => !n.ingress);
    for (const net of networks) {
      const ip = net.addresses[0]?.split('/')[0];
      if (ip === undefined) continue;
      const record: EndpointRecord = {
        // The task container's name: `<svc>.<slot>.<taskid>` (global: `<svc>.<nodeid>.<taskid>`).
        name: ns.name,
        ip,
        service: { id: task.serviceId, name: task.serviceName, ...(net.vip === undefined ? {} : { vip: net.vip }) }
      };
      this.ensureNetwork(net.networkId, net.name);
      this.hold(net.networkId, task.taskId, record);
      for (const e of this.c.gossip.entries({ network: net.networkId, table: ENDPOINT_TABLE })) this.onRecord(e, true);
      this.c.gossip.create(ENDPOINT_TABLE, net.networkId, task.taskId, encoder.encode(JSON.stringify(record)));
    }
    const ids = networks.map((n) => n.networkId);
    const dns = new EmbeddedDns(ns, this.resolver, () => ids, this.c.logger);
    this.published.set(task.taskId, { networks: ids, dns });
  }

  /** The task leaves DNS: its records are deleted here and in gossip, and its resolver stops. */
  detach(taskId: string): void {
    const p = this.published.get(taskId);
    if (p === undefined) return;
    this.published.delete(taskId);
    p.dns.close();
    for (const network of p.networks) {
      this.release(network, taskId);
      // A crashed node says nothing: its records vanish from the others when gossip declares it dead.
      if (!this.closed) this.c.gossip.delete(ENDPOINT_TABLE, network, taskId);
      // The node's last task on the network is gone: it leaves the network and holds none of its records.
      if (![...this.published.values()].some((q) => q.networks.includes(network))) this.dropNetwork(network);
    }
  }

  /** Per network this node is on: the endpoint ids it published and every endpoint id its DNS holds. */
  status(): { network: string; local: string[]; records: string[] }[] {
    const local = new Map<string, string[]>();
    for (const [taskId, p] of this.published)
      for (const n of p.networks) local.set(n, [...(local.get(n) ?? []), taskId]);
    return [...this.held].map(([network, keys]) => ({
      network,
      local: (local.get(network) ?? []).sort(),
      records: [...keys].sort()
    }));
  }

  /** Stops following and publishing to gossip (the node is going away). */
  close(): void {
    this.closed = true;
    for (const off of this.unsubscribe) off();
  }

  private ensureNetwork(id: string, name: string): void {
    if (this.store.network(id) === undefined) this.store.addNetwork({ id, name });
  }

  private onRecord(e: TableEntry, live: boolean): void {
    if (e.table !== ENDPOINT_TABLE || this.store.network(e.network) === undefined) return;
    if (!live) return this.release(e.network, e.key);
    const record = decodeEndpoint(e.value);
    if (record === undefined) this.c.logger.warn({ key: e.key, network: e.network }, 'bad endpoint record');
    else this.hold(e.network, e.key, record);
  }

  private hold(network: string, key: string, record: EndpointRecord): void {
    this.store.setEndpoint(network, key, record);
    let keys = this.held.get(network);
    if (keys === undefined) this.held.set(network, (keys = new Set()));
    keys.add(key);
  }

  private dropNetwork(network: string): void {
    this.store.removeNetwork(network);
    this.held.delete(network);
  }

  private release(network: string, key: string): void {
    this.store.removeEndpoint(network, key);
    this.held.get(network)?.delete(key);
  }
}

/** An endpoint record as {@link ServiceDns.attach} publishes it; undefined for anything else. */
export function decodeEndpoint(value: Uint8Array): EndpointRecord | undefined {
  try {
    const r = JSON.parse(decoder.decode(value)) as Partial<EndpointRecord>;
    return typeof r.name === 'string' && typeof r.ip === 'string' ? (r as EndpointRecord) : undefined;
  } catch {
    return undefined;
  }
}
