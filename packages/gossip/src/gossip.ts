import { Emitter, type Clock, type Logger, type Random, type Startable, type Transport } from '@swarmsim/interface';
import { seededRandom, silentLogger } from '@swarmsim/interface';
import { BroadcastQueue } from './broadcast-queue.js';
import {
  type GossipConfig,
  type GossipPreset,
  defaultConfig,
  pushPullScale,
  retransmitLimit,
  validateConfig
} from './config.js';
import { GossipError } from './errors.js';
import type { GossipEvents, MemberInfo, TableEntry } from './events.js';
import { Membership, type Member, type MemberTransition } from './membership/membership.js';
import { Prober, shuffle } from './membership/prober.js';
import { Messenger, type GossipStats } from './messenger.js';
import { Periodic } from './periodic.js';
import { NetworkDb, type TableChange } from './tables/network-db.js';
import type { Entry } from './tables/table-store.js';
import { pack } from './wire/envelope.js';
import { FrameCodec } from './wire/frame-codec.js';
import { Keyring, SEAL_OVERHEAD } from './wire/keyring.js';
import { type Envelope, type MembershipBody, type MemberUpdate, MsgType, type NetworkEvent } from './wire/messages.js';

/** Options of {@link gossip}: a preset, overrides of any timer or limit, and the cluster keys. */
export interface GossipInit extends Partial<GossipConfig> {
  /** Base settings. @default 'lan' */
  preset?: GossipPreset;
  /** 1–3 AES-256 keys (32 bytes); the first seals outgoing frames, all open incoming ones. */
  keys: readonly Uint8Array[];
  /** Seed of the node's RNG when no `random` component is given. @default hash of the node id */
  seed?: number;
}

/** Collaborators of a {@link Gossip} node. */
export interface GossipComponents {
  clock: Clock;
  transport: Transport;
  logger?: Logger;
  random?: Random;
}

// Room for the envelope fields around the piggybacked broadcasts.
const ENVELOPE_HEADROOM = 128;

/**
 * One gossip node: SWIM membership plus NetworkDB-like tables, over a Transport's `gossip` channel.
 * Create it with {@link gossip}; call `start()`, then `join(seeds)`.
 */
export class Gossip extends Emitter<GossipEvents> implements Startable {
  /** The effective settings. */
  readonly config: GossipConfig;
  /** The cluster keys; rotate with install → use → remove on every node. */
  readonly keyring: Keyring;
  private readonly clock: Clock;
  private readonly transport: Transport;
  private readonly random: Random;
  private readonly log: Logger;
  private readonly messenger: Messenger;
  private readonly membership: Membership;
  private readonly prober: Prober;
  private readonly db: NetworkDb;
  private readonly periodic: Periodic;
  private readonly memberQueue = new BroadcastQueue<MemberUpdate>();
  private readonly networkQueue = new BroadcastQueue<NetworkEvent>();
  private readonly gone = new Set<string>();
  private running = false;

  constructor(init: GossipInit, components: GossipComponents) {
    super();
    const { preset, keys, seed, ...overrides } = init;
    this.config = validateConfig({ ...defaultConfig(preset), ...definedOnly(overrides) });
    this.clock = components.clock;
    this.transport = components.transport;
    this.random = components.random ?? seededRandom(seed ?? hashId(this.transport.localId));
    this.log = (components.logger ?? silentLogger).child({ component: 'gossip' });
    this.keyring = new Keyring(keys);
    const codec = new FrameCodec(this.keyring, this.random);
    this.messenger = new Messenger(this.transport, codec, this.config, () => this.db.tableClock.time(), this.log);
    this.membership = new Membership(this.localId, this.clock, this.config, {
      broadcast: (u) => this.memberQueue.push(u.node, u),
      transition: (kind, m) => this.onTransition(kind, m)
    });
    this.prober = new Prober(this.clock, this.config, this.random, this.membership, {
      ping: (to, seq, target) => this.messenger.datagram(to, MsgType.Ping, { seq, target, ...this.piggyback() }),
      indirectPing: (to, seq, target) => this.messenger.datagram(to, MsgType.IndirectPing, { seq, target }),
      ack: (to, seq) => this.messenger.datagram(to, MsgType.Ack, { seq, ...this.piggyback() })
    });
    this.db = new NetworkDb(this.localId, this.clock, this.config, {
      broadcastNetwork: (e) => this.networkQueue.push(`${e.node}\u0000${e.network}`, e),
      changed: (kind, entry) => this.emitTable(kind, entry),
      isLive: (node) => this.isLive(node),
      isGone: (node) => this.gone.has(node),
      syncWith: (node, network) => void this.bulkSync(node, [network])
    });
    this.periodic = new Periodic(this.clock, this.random);
  }

  /** This node's id (the transport's). */
  get localId(): string {
    return this.transport.localId;
  }

  /** Traffic and drop counters. */
  get stats(): GossipStats {
    return this.messenger.stats;
  }

  /** Starts the protocol timers and begins accepting frames. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.transport.onMessage((from, channel, payload) => {
      if (channel === 'gossip' && this.running) this.receive(from, payload);
    });
    const c = this.config;
    this.periodic.every(c.probeIntervalMs, () => !this.membership.leaving && this.prober.probe());
    this.periodic.every(c.gossipIntervalMs, () => this.gossipTick());
    this.periodic.everyScaled(
      c.pushPullIntervalMs,
      () => pushPullScale(c.pushPullIntervalMs, this.membership.size()),
      () => this.pushPullRandom()
    );
    this.periodic.every(c.bulkSyncIntervalMs, () => this.bulkSyncTick());
    this.periodic.every(c.reconnectIntervalMs, () => this.reconnectTick());
    this.periodic.every(c.reapIntervalMs, () => this.reap());
  }

  /** Stops every timer; frames arriving afterwards are ignored. */
  stop(): void {
    this.running = false;
    this.periodic.clear();
    this.prober.stop();
    this.membership.stop();
  }

  /** Joins the cluster through `seeds` (push-pull with each); resolves to how many answered. */
  async join(seeds: readonly string[], options: { signal?: AbortSignal } = {}): Promise<number> {
    options.signal?.throwIfAborted();
    this.requireRunning('join');
    const sent = await Promise.all(seeds.filter((s) => s !== this.localId).map((s) => this.pushPull(s, false)));
    return sent.filter(Boolean).length;
  }

  /** Leaves the cluster gracefully: peers mark this node `left` and drop its entries. */
  leave(): void {
    this.requireRunning('leave');
    this.membership.leave();
    // Do not wait for the next tick: push the news out now, as memberlist Leave waits for its broadcast.
    this.gossipTick();
  }

  /** Joins `network`: gossips the join and bulk-syncs with every node already on it. */
  joinNetwork(network: string): void {
    checkNames({ network });
    for (const peer of this.db.join(network)) void this.bulkSync(peer, [network]);
  }

  /** Leaves `network`: gossips the leave and forgets its entries. */
  leaveNetwork(network: string): void {
    this.db.leave(network);
  }

  /** Creates an entry; throws GOSSIP_ERR_ENTRY_EXISTS for a live key, GOSSIP_ERR_NOT_ON_NETWORK off-network. */
  create(table: string, network: string, key: string, value: Uint8Array): void {
    checkNames({ table, network, key });
    this.db.write('create', table, network, key, value);
  }

  /** Updates a live entry; throws GOSSIP_ERR_ENTRY_NOT_FOUND otherwise. */
  update(table: string, network: string, key: string, value: Uint8Array): void {
    checkNames({ table, network, key });
    this.db.write('update', table, network, key, value);
  }

  /** Deletes a live entry, leaving a tombstone; throws GOSSIP_ERR_ENTRY_NOT_FOUND otherwise. */
  delete(table: string, network: string, key: string): void {
    const current = this.db.store.get(network, table, key);
    this.db.write('delete', table, network, key, current?.value ?? new Uint8Array(0));
  }

  /** The live entry for the triple, if any. */
  get(table: string, network: string, key: string): TableEntry | undefined {
    const e = this.db.store.get(network, table, key);
    return e === undefined || e.deleting ? undefined : publicEntry(e);
  }

  /** Live entries, optionally of one network and table, sorted by (network, table, key). */
  entries(filter: { network?: string; table?: string } = {}): TableEntry[] {
    return this.db.store
      .all()
      .filter(
        (e) => !e.deleting && (filter.network ?? e.network) === e.network && (filter.table ?? e.table) === e.table
      )
      .map(publicEntry)
      .sort((a, b) => cmp(a.network, b.network) || cmp(a.table, b.table) || cmp(a.key, b.key));
  }

  /** Every known member (self included) with its state, sorted by id. */
  members(): MemberInfo[] {
    return this.membership
      .all()
      .map(memberInfo)
      .sort((a, b) => cmp(a.node, b.node));
  }

  /** Nodes on `network` in this node's view (self included when joined), sorted. */
  networkNodes(network: string): string[] {
    return this.db.registry.nodesOf(network).sort(cmp);
  }

  /** Networks this node has joined. */
  networks(): string[] {
    return this.db.registry.networksOf(this.localId);
  }

  private receive(from: string, payload: Uint8Array): void {
    const env = this.messenger.open(from, payload);
    if (env === undefined) return;
    this.db.tableClock.witness(env.ltime);
    this.dispatch(from, env);
  }

  private dispatch(from: string, env: Envelope): void {
    switch (env.type) {
      case MsgType.Ping:
        this.mergeBroadcasts(env.body);
        return this.prober.onPing(from, env.body.seq, env.body.target);
      case MsgType.IndirectPing:
        return this.prober.onIndirectPing(from, env.body.seq, env.body.target);
      case MsgType.Ack:
        this.mergeBroadcasts(env.body);
        return this.prober.onAck(env.body.seq);
      case MsgType.Gossip:
        return this.mergeBroadcasts(env.body);
      case MsgType.TableGossip:
        // Events for a network we are not on are dropped inside, never relayed.
        for (const e of env.body.events) if (e.network === env.body.network) this.db.handleTableEvent(e, false);
        return;
      case MsgType.PushPull:
        return this.onPushPull(from, env.body.reply, env.body.members, env.body.networks);
      case MsgType.BulkSync: {
        const answer = this.db.applyBulkSync(env.body);
        if (answer.length > 0) void this.messenger.reliable(from, MsgType.BulkSync, this.db.bulkSync(answer, false));
        return;
      }
    }
  }

  private mergeBroadcasts(body: MembershipBody): void {
    for (const u of body.updates) this.membership.apply(u);
    for (const e of body.networks)
      if (this.db.handleNetworkEvent(e)) this.networkQueue.push(`${e.node}\u0000${e.network}`, e);
  }

  private onPushPull(from: string, reply: boolean, members: MemberUpdate[], networks: NetworkEvent[]): void {
    for (const u of members) this.membership.merge(u);
    for (const e of networks) this.db.handleNetworkEvent(e);
    if (!reply) void this.pushPull(from, true);
  }

  private piggyback(): MembershipBody {
    const budget =
      Math.min(this.config.maxFrameBytes, this.transport.maxPayloadBytes) - SEAL_OVERHEAD - ENVELOPE_HEADROOM;
    const limit = retransmitLimit(this.config.retransmitMult, this.membership.size());
    const updates = this.memberQueue.take(budget, limit);
    const used = updates.length === 0 ? 0 : pack(updates).length;
    return { updates, networks: this.networkQueue.take(budget - used, limit) };
  }

  private gossipTick(): void {
    const now = this.clock.now();
    const targets = this.membership
      .all()
      .filter(
        (m) =>
          m.id !== this.localId &&
          (this.isLive(m.id) || (m.state === 'dead' && now - m.changedAt < this.config.gossipToTheDeadMs))
      );
    for (const m of shuffle(targets, this.random).slice(0, this.config.fanout)) {
      const body = this.piggyback();
      if (body.updates.length + body.networks.length > 0) this.messenger.datagram(m.id, MsgType.Gossip, body);
    }
    for (const network of this.networks()) this.tableGossip(network);
  }

  private tableGossip(network: string): void {
    const queue = this.db.queues.get(network);
    if (queue === undefined || queue.length === 0) return;
    const peers = this.db.peersOf(network);
    const budget =
      Math.min(this.config.maxFrameBytes, this.transport.maxPayloadBytes) -
      SEAL_OVERHEAD -
      ENVELOPE_HEADROOM -
      network.length;
    // NetworkDB: N counts the nodes of the network, self included.
    const events = queue.take(budget, retransmitLimit(this.config.retransmitMult, peers.length + 1));
    if (events.length === 0) return;
    for (const peer of shuffle(peers, this.random).slice(0, this.config.fanout)) {
      this.messenger.datagram(peer, MsgType.TableGossip, { network, events });
    }
  }

  private pushPull(to: string, reply: boolean): Promise<boolean> {
    const members = this.membership.all().map((m) => this.membership.claimOf(m));
    return this.messenger.reliable(to, MsgType.PushPull, { reply, members, networks: this.db.registry.events() });
  }

  private pushPullRandom(): void {
    const peer = shuffle(this.membership.live(), this.random)[0];
    if (peer !== undefined) void this.pushPull(peer.id, false);
  }

  private bulkSync(to: string, networks: string[]): Promise<boolean> {
    return this.messenger.reliable(to, MsgType.BulkSync, this.db.bulkSync(networks, true));
  }

  private bulkSyncTick(): void {
    // NetworkDB bulkSyncTables: one random peer per network; networks shared with it ride the same sync.
    const pending = new Set(this.networks());
    for (const network of this.networks()) {
      if (!pending.has(network)) continue;
      const peer = shuffle(this.db.peersOf(network), this.random)[0];
      if (peer === undefined) continue;
      const common = this.networks().filter((n) => pending.has(n) && this.db.registry.has(peer, n));
      for (const n of common) pending.delete(n);
      void this.bulkSync(peer, common);
    }
  }

  private reconnectTick(): void {
    // NetworkDB reconnectNode: a failed (not left) node may be back; a push-pull makes it refute its death.
    const failed = this.membership.all().filter((m) => m.state === 'dead');
    const peer = shuffle(failed, this.random)[0];
    if (peer !== undefined) void this.pushPull(peer.id, false);
  }

  private reap(): void {
    this.db.reap();
    for (const id of this.membership.reap(this.config.nodeReapMs)) this.gone.delete(id);
  }

  private onTransition(kind: MemberTransition, m: Member): void {
    if (kind === 'dead' || kind === 'left') {
      this.gone.add(m.id);
      this.db.nodeGone(m.id);
    }
    if (kind === 'join' && this.gone.delete(m.id)) void this.pushPull(m.id, false);
    // memberlist logs suspicions and failures at info/warn; a node's own view of the others, as operators read it.
    const fields = { member: m.id, incarnation: m.incarnation };
    if (kind === 'dead') this.log.warn(fields, 'member failed');
    else if (kind === 'suspect') this.log.info(fields, 'member suspect');
    else this.log.debug(fields, `member ${kind}`);
    this.emit(`member:${kind}`, memberInfo(m));
  }

  private emitTable(kind: TableChange, entry: Entry): void {
    this.emit(`table:${kind}`, publicEntry(entry));
  }

  private isLive(node: string): boolean {
    const m = this.membership.get(node);
    return m !== undefined && (m.state === 'alive' || m.state === 'suspect');
  }

  private requireRunning(operation: string): void {
    if (!this.running || this.membership.leaving) {
      throw new GossipError({ code: 'GOSSIP_ERR_NOT_RUNNING', operation }, `gossip: ${operation} needs a running node`);
    }
  }
}

/** Factory per STYLE.md: options first, collaborators second. */
export function gossip(init: GossipInit): (components: GossipComponents) => Gossip {
  return (components) => new Gossip(init, components);
}

function definedOnly(o: Partial<GossipConfig>): Partial<GossipConfig> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<GossipConfig>;
}

function publicEntry(e: Entry): TableEntry {
  return { table: e.table, network: e.network, key: e.key, value: e.value, owner: e.owner, ltime: e.ltime };
}

function memberInfo(m: Member): MemberInfo {
  return { node: m.id, state: m.state, incarnation: m.incarnation };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// FNV-1a: a stable per-node default seed, so two nodes never share an RNG stream by accident.
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Receivers drop frames carrying names over 256 characters (wire/validate.ts): refuse them at the source.
function checkNames(names: Partial<Record<'table' | 'network' | 'key', string>>): void {
  for (const [field, value] of Object.entries(names) as ['table' | 'network' | 'key', string][]) {
    if (value.length === 0 || value.length > 256) {
      throw new GossipError(
        { code: 'GOSSIP_ERR_INVALID_NAME', field, length: value.length },
        `gossip: ${field} name must be 1–256 characters`
      );
    }
  }
}
