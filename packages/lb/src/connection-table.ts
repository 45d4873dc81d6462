import type { Clock, TimerHandle } from '@swarmsim/interface';
import type { Connection } from './connection.js';
import { MinHeap } from './min-heap.js';
import { isActiveState, stateTimeoutSeconds, type ConnState, type IpvsTimeouts } from './timeouts.js';

interface Slot {
  at: number;
  conn: Connection;
}

/**
 * The IPVS connection table: flow key → connection, each entry expiring `timeout(state)` after its last
 * packet or state change. Expiry is lazy (checked against clock.now() before every read) plus one clock
 * timer at the earliest deadline, so a refresh costs O(1) and no timer per connection is needed.
 */
export class ConnectionTable {
  private readonly byKey = new Map<string, Connection>();
  private readonly heap = new MinHeap<Slot>();
  private timer: TimerHandle | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly timeouts: () => IpvsTimeouts,
    private readonly onExpire: (conn: Connection) => void
  ) {}

  /** Number of live entries (after expiring what is due). */
  get size(): number {
    this.expireDue();
    return this.byKey.size;
  }

  /** The live entry of a flow, if any. */
  get(key: string): Connection | undefined {
    this.expireDue();
    return this.byKey.get(key);
  }

  /** Live entries in creation order. */
  entries(): Connection[] {
    this.expireDue();
    return [...this.byKey.values()];
  }

  /** Adds a freshly scheduled connection and counts it on its server (new entries start inactive). */
  add(conn: Connection): void {
    this.byKey.set(conn.key, conn);
    conn.server.bind(isActiveState(conn.state));
    this.refresh(conn);
  }

  /** Restarts the entry's timeout, as every packet of the flow does. */
  refresh(conn: Connection): void {
    conn.expiresAt = this.clock.now() + stateTimeoutSeconds(conn.state, this.timeouts()) * 1000;
    // A slot already due no later than the new deadline is enough; it re-queues itself when popped.
    if (conn.heapAt <= conn.expiresAt) return;
    conn.heapAt = conn.expiresAt;
    this.heap.push({ at: conn.expiresAt, conn });
    this.arm();
  }

  /** Moves an entry to a new state: counters follow active ⇄ inactive, the timeout restarts. */
  setState(conn: Connection, state: ConnState): void {
    const wasActive = isActiveState(conn.state);
    const nowActive = isActiveState(state);
    conn.state = state;
    if (wasActive !== nowActive) conn.server.shift(nowActive);
    this.refresh(conn);
  }

  /** Removes an entry now (ip_vs_conn_expire_now). */
  expire(conn: Connection): void {
    if (conn.dead) return;
    conn.dead = true;
    this.byKey.delete(conn.key);
    conn.server.unbind(isActiveState(conn.state));
    this.onExpire(conn);
  }

  /** Removes every entry whose deadline has passed. */
  expireDue(): void {
    const now = this.clock.now();
    for (let top = this.heap.peek(); top !== undefined && top.at <= now; top = this.heap.peek()) {
      this.heap.pop();
      const conn = top.conn;
      if (conn.dead || top.at !== conn.heapAt) continue;
      if (conn.expiresAt <= now) {
        this.expire(conn);
      } else {
        conn.heapAt = conn.expiresAt;
        this.heap.push({ at: conn.expiresAt, conn });
      }
    }
    this.arm();
  }

  /** Drops every entry without callbacks (the table is being torn down). */
  clear(): void {
    for (const conn of this.byKey.values()) conn.dead = true;
    this.byKey.clear();
    this.heap.clear();
    this.timer?.clear();
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  /** Keeps one clock timer at the earliest slot, so entries expire (and events fire) without reads. */
  private arm(): void {
    const at = this.heap.peek()?.at ?? Number.POSITIVE_INFINITY;
    if (at === this.timerAt) return;
    this.timer?.clear();
    this.timer = undefined;
    this.timerAt = at;
    if (at === Number.POSITIVE_INFINITY) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.expireDue();
      },
      Math.max(0, at - this.clock.now())
    );
  }
}
