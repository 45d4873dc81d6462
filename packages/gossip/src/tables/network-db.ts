import type { Clock } from '@swarmsim/interface';
import { BroadcastQueue } from '../broadcast-queue.js';
import type { GossipConfig } from '../config.js';
import { GossipError } from '../errors.js';
import { LamportClock } from '../lamport-clock.js';
import type { BulkSyncBody, NetworkEvent, TableEvent } from '../wire/messages.js';
import { NetworkRegistry } from './network-registry.js';
import { type Entry, TableStore } from './table-store.js';

/** A table change as watchers see it. */
export type TableChange = 'create' | 'update' | 'delete';

/** What NetworkDB needs from its owner. */
export interface NetworkDbHooks {
  /** Queue a network join/leave on the cluster-wide membership gossip. */
  broadcastNetwork(e: NetworkEvent): void;
  /** Tell watchers what changed locally. */
  changed(kind: TableChange, entry: Entry): void;
  /** Whether the membership holds `node` alive or suspect. */
  isLive(node: string): boolean;
  /** Whether the membership holds `node` dead or left (unknown nodes are not gone). */
  isGone(node: string): boolean;
  /** Bulk-sync `network` with `node` (unsolicited: it answers with its own). */
  syncWith(node: string, network: string): void;
}

/**
 * NetworkDB semantics after moby's libnetwork/networkdb: per-network tables, Lamport-ordered table and
 * network events, tombstones, per-network broadcast queues, and cleanup when an owner fails or leaves.
 */
export class NetworkDb {
  readonly store = new TableStore();
  readonly registry = new NetworkRegistry();
  readonly tableClock = new LamportClock();
  readonly networkClock = new LamportClock();
  /** Per-network table broadcasts (NetworkDB keeps one TransmitLimitedQueue per network). */
  readonly queues = new Map<string, BroadcastQueue<TableEvent>>();
  // Nodes that failed once: when their networks reappear we bulk-sync with them (NetworkDB reconnectNode).
  private readonly failed = new Set<string>();

  constructor(
    private readonly self: string,
    private readonly clock: Clock,
    private readonly config: GossipConfig,
    private readonly hooks: NetworkDbHooks
  ) {}

  /** Whether this node is on `network`. */
  isOn(network: string): boolean {
    return this.registry.has(this.self, network);
  }

  /** Joins `network`: gossip the join; returns the peers already on it (to bulk-sync with all of them). */
  join(network: string): string[] {
    if (this.isOn(network)) return [];
    const e: NetworkEvent = { kind: 'join', node: this.self, network, ltime: this.networkClock.increment() };
    this.registry.apply(e, this.clock.now());
    this.queues.set(network, new BroadcastQueue());
    this.hooks.broadcastNetwork(e);
    return this.peersOf(network);
  }

  /** Leaves `network`: gossip the leave and drop its entries silently, as the leaver does in NetworkDB. */
  leave(network: string): void {
    if (!this.isOn(network)) return;
    const e: NetworkEvent = { kind: 'leave', node: this.self, network, ltime: this.networkClock.increment() };
    this.registry.apply(e, this.clock.now());
    this.queues.delete(network);
    for (const entry of this.store.inNetwork(network)) this.store.remove(entry);
    this.hooks.broadcastNetwork(e);
  }

  /** Live peers on `network`, self excluded. */
  peersOf(network: string): string[] {
    return this.registry.nodesOf(network).filter((n) => n !== this.self && this.hooks.isLive(n));
  }

  /** Local create/update/delete with the NetworkDB error rules. */
  write(kind: TableChange, table: string, network: string, key: string, value: Uint8Array): void {
    if (!this.isOn(network))
      throw new GossipError({ code: 'GOSSIP_ERR_NOT_ON_NETWORK', network }, 'gossip: not on network');
    const current = this.store.get(network, table, key);
    const live = current !== undefined && !current.deleting;
    if (kind === 'create' && live) {
      throw new GossipError({ code: 'GOSSIP_ERR_ENTRY_EXISTS', table, network, key }, 'gossip: entry exists');
    }
    if (kind !== 'create' && !live) {
      throw new GossipError({ code: 'GOSSIP_ERR_ENTRY_NOT_FOUND', table, network, key }, 'gossip: no such entry');
    }
    const deleting = kind === 'delete';
    const reapAt = deleting ? this.clock.now() + this.config.tombstoneMs : 0;
    const entry: Entry = {
      table,
      network,
      key,
      value,
      owner: this.self,
      ltime: this.tableClock.increment(),
      deleting,
      reapAt
    };
    this.store.set(entry);
    this.hooks.changed(kind, entry);
    this.queue(this.toEvent(entry, kind));
  }

  /** A table event from gossip or bulk sync; returns whether it was kept. */
  handleTableEvent(e: TableEvent, fromBulkSync: boolean): boolean {
    this.tableClock.witness(e.ltime);
    // NetworkDB: not on the network, or the owner is not (any more) on it ⇒ drop, do not relay.
    if (!this.isOn(e.network) || !this.registry.has(e.owner, e.network)) return false;
    const current = this.store.get(e.network, e.table, e.key);
    if (current !== undefined && e.ltime <= current.ltime) return false;
    const deleting = e.kind === 'delete';
    const entry: Entry = {
      table: e.table,
      network: e.network,
      key: e.key,
      value: e.value,
      owner: e.owner,
      ltime: e.ltime,
      deleting,
      reapAt: deleting ? this.clock.now() + e.reapInMs : 0
    };
    this.store.set(entry);
    const wasLive = current !== undefined && !current.deleting;
    // Watchers see what changed locally: update-before-create is a create; delete of unknown is silent.
    if (deleting && wasLive) this.hooks.changed('delete', entry);
    else if (!deleting) this.hooks.changed(wasLive ? 'update' : 'create', entry);
    const relay = !fromBulkSync || (deleting && current === undefined && e.reapInMs > this.config.tombstoneMs / 6);
    if (relay) this.queue(e);
    return true;
  }

  /** A network event from gossip or push-pull; returns whether it was news (then it is re-gossiped). */
  handleNetworkEvent(e: NetworkEvent): boolean {
    this.networkClock.witness(e.ltime);
    // Events about failed nodes would resurrect their memberships; they return through reconnect.
    if (e.node === this.self || this.hooks.isGone(e.node)) return false;
    const wasOn = this.registry.has(e.node, e.network);
    if (!this.registry.apply(e, this.clock.now())) return false;
    if (e.kind === 'leave') this.dropOwned(e.node, e.network);
    else if (!wasOn && this.failed.has(e.node) && this.isOn(e.network)) this.hooks.syncWith(e.node, e.network);
    return true;
  }

  /** A node failed or left: forget its networks and delete its entries outright (released engines ≤ 29). */
  nodeGone(node: string): void {
    this.failed.add(node);
    for (const network of this.registry.removeNode(node)) this.dropOwned(node, network);
  }

  /** Entries (tombstones too) of the given networks we are on, as a bulk-sync body. */
  bulkSync(networks: string[], unsolicited: boolean): BulkSyncBody {
    const mine = networks.filter((n) => this.isOn(n));
    const events = mine
      .flatMap((n) => this.store.inNetwork(n))
      .map((e) => this.toEvent(e, e.deleting ? 'delete' : 'create'));
    return { unsolicited, networks: mine, events };
  }

  /** Applies a peer's bulk sync; returns the networks to answer for when it asked for a reply. */
  applyBulkSync(body: BulkSyncBody): string[] {
    for (const e of body.events) if (body.networks.includes(e.network)) this.handleTableEvent(e, true);
    return body.unsolicited ? body.networks.filter((n) => this.isOn(n)) : [];
  }

  /** Removes tombstones past their reap time (NetworkDB reapTableEntries) and old network-leave records. */
  reap(): void {
    const now = this.clock.now();
    for (const e of this.store.all()) if (e.deleting && e.reapAt <= now) this.store.remove(e);
    // NetworkDB keeps a network leave for the entry tombstone time plus five reap cycles, so no stale join outlives it.
    this.registry.reap(now, this.config.tombstoneMs + 5 * this.config.reapIntervalMs);
  }

  private dropOwned(node: string, network: string): void {
    for (const entry of this.store.inNetwork(network)) {
      if (entry.owner !== node) continue;
      this.store.remove(entry);
      if (!entry.deleting) this.hooks.changed('delete', entry);
    }
  }

  private queue(e: TableEvent): void {
    this.queues.get(e.network)?.push(`${e.table}\u0000${e.key}`, e);
  }

  private toEvent(entry: Entry, kind: TableChange): TableEvent {
    const reapInMs = entry.deleting ? Math.max(0, entry.reapAt - this.clock.now()) : 0;
    const { table, network, key, value, owner, ltime } = entry;
    return { kind, ltime, owner, network, table, key, value, reapInMs };
  }
}
