import type { Clock, TimerHandle } from '@swarmsim/interface';
import type { Connection, ConntrackEntry, CtDirection } from './connection.js';
import { formatConntrackEntry } from './format.js';
import {
  DEFAULT_CONNTRACK_MAX,
  DEFAULT_CONNTRACK_TIMEOUTS,
  type ConntrackOptions,
  type ConntrackTimeouts
} from './timeouts.js';
import { tupleKey, type Tuple } from './tuple.js';

/** A connection found by one of its tuples, with the direction that tuple belongs to. */
export interface ConntrackHit {
  readonly conn: Connection;
  readonly dir: CtDirection;
}

/**
 * The connection tracking table of one network namespace (nf_conntrack): confirmed connections hashed by both
 * their original and reply tuples, expired lazily on lookup and by a periodic sweep driven by the Clock.
 */
export class Conntrack {
  /** Effective timeouts (seconds). */
  readonly timeouts: Readonly<ConntrackTimeouts>;
  /** nf_conntrack_max. */
  readonly maxEntries: number;
  /** nf_conntrack_tcp_loose. */
  readonly tcpLoose: boolean;
  private readonly byTuple = new Map<string, ConntrackHit>();
  private readonly connections = new Set<Connection>();
  // nf_nat_bysource: source-NATed connections by original (protocol, source, source port).
  private readonly bySource = new Map<string, Set<Connection>>();
  private readonly gcIntervalMs: number;
  private gcTimer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    options: ConntrackOptions = {}
  ) {
    this.timeouts = { ...DEFAULT_CONNTRACK_TIMEOUTS, ...options.timeouts };
    this.maxEntries = options.maxEntries ?? DEFAULT_CONNTRACK_MAX;
    this.tcpLoose = options.tcpLoose ?? true;
    this.gcIntervalMs = options.gcIntervalMs ?? 5000;
  }

  /** Number of live connections (`conntrack -C`). */
  count(): number {
    this.sweep();
    return this.connections.size;
  }

  /** Snapshots of all live connections, oldest first. */
  entries(): ConntrackEntry[] {
    this.sweep();
    const now = this.clock.now();
    return [...this.connections].map((c) => c.snapshot(now));
  }

  /** `conntrack -L` output: one line per connection (the "N flow entries" summary goes to stderr, so not here). */
  list(): string {
    this.sweep();
    const now = this.clock.now();
    return [...this.connections].map((c) => `${formatConntrackEntry(c.snapshot(now))}\n`).join('');
  }

  /** Deletes the connections `filter` selects (all without one), like `conntrack -D`/`-F`; returns how many. */
  flush(filter: (entry: ConntrackEntry) => boolean = () => true): number {
    const now = this.clock.now();
    let n = 0;
    for (const conn of [...this.connections]) {
      if (!filter(conn.snapshot(now))) continue;
      this.remove(conn);
      n++;
    }
    return n;
  }

  /** The live connection one of whose tuples is `t`. */
  lookup(t: Tuple): ConntrackHit | undefined {
    const hit = this.byTuple.get(tupleKey(t));
    if (hit === undefined) return undefined;
    if (hit.conn.expiresAt <= this.clock.now()) {
      this.remove(hit.conn);
      return undefined;
    }
    return hit;
  }

  /** nf_conntrack_tuple_taken: does a connection other than `except` already use `t` in either direction? */
  isTaken(t: Tuple, except: Connection): boolean {
    const hit = this.lookup(t);
    return hit !== undefined && hit.conn !== except;
  }

  /** Room for one more connection: true, evicting the oldest unassured one if the table is full (early_drop). */
  makeRoom(): boolean {
    if (this.connections.size < this.maxEntries) return true;
    this.sweep();
    if (this.connections.size < this.maxEntries) return true;
    for (const conn of this.connections) {
      if (conn.assured) continue;
      this.remove(conn);
      return true;
    }
    return false;
  }

  /** __nf_conntrack_confirm: puts a new connection in the table; false when a tuple is already taken (drop). */
  confirm(conn: Connection): boolean {
    if (conn.confirmed) return true;
    if (this.lookup(conn.original) !== undefined || this.lookup(conn.reply) !== undefined) return false;
    conn.confirmed = true;
    conn.expiresAt = this.clock.now() + conn.timeoutMs;
    this.connections.add(conn);
    this.index(conn);
    if (conn.srcNatDone) this.indexSource(conn);
    this.scheduleGc();
    return true;
  }

  /** Changes the reply tuple after NAT was decided (re-hashing it if already confirmed). */
  setReply(conn: Connection, reply: Tuple): void {
    if (conn.confirmed) this.byTuple.delete(tupleKey(conn.reply));
    conn.reply = reply;
    if (conn.confirmed) this.byTuple.set(tupleKey(reply), { conn, dir: 'reply' });
  }

  /** Source-NATed connections from the same original source (find_appropriate_src candidates). */
  sameSource(t: Tuple): Connection[] {
    const set = this.bySource.get(sourceKey(t.protocol, t.src, t.srcPort));
    return set === undefined ? [] : [...set].filter((c) => c.expiresAt > this.clock.now());
  }

  private indexSource(conn: Connection): void {
    const key = sourceKey(conn.original.protocol, conn.original.src, conn.original.srcPort);
    const set = this.bySource.get(key) ?? new Set<Connection>();
    set.add(conn);
    this.bySource.set(key, set);
  }

  /** Removes a connection (expiry, RST, flush). */
  remove(conn: Connection): void {
    if (this.byTuple.get(tupleKey(conn.original))?.conn === conn) this.byTuple.delete(tupleKey(conn.original));
    if (this.byTuple.get(tupleKey(conn.reply))?.conn === conn) this.byTuple.delete(tupleKey(conn.reply));
    this.connections.delete(conn);
    const key = sourceKey(conn.original.protocol, conn.original.src, conn.original.srcPort);
    const set = this.bySource.get(key);
    if (set !== undefined && set.delete(conn) && set.size === 0) this.bySource.delete(key);
    if (this.connections.size === 0) this.stopGc();
  }

  /** Frees every expired connection. */
  sweep(): void {
    const now = this.clock.now();
    for (const conn of [...this.connections]) if (conn.expiresAt <= now) this.remove(conn);
  }

  private index(conn: Connection): void {
    this.byTuple.set(tupleKey(conn.original), { conn, dir: 'original' });
    this.byTuple.set(tupleKey(conn.reply), { conn, dir: 'reply' });
  }

  private scheduleGc(): void {
    if (this.gcTimer !== undefined) return;
    this.gcTimer = this.clock.setTimeout(() => {
      this.gcTimer = undefined;
      this.sweep();
      if (this.connections.size > 0) this.scheduleGc();
    }, this.gcIntervalMs);
  }

  private stopGc(): void {
    this.gcTimer?.clear();
    this.gcTimer = undefined;
  }
}

function sourceKey(protocol: number, src: string, srcPort: number): string {
  return `${protocol} ${src} ${srcPort}`;
}
