import { pack } from './wire/envelope.js';

interface Item<T> {
  key: string;
  value: T;
  bytes: number;
  transmits: number;
  id: number;
}

/**
 * memberlist's TransmitLimitedQueue: broadcasts sent least-transmitted first (newest first among equals),
 * each at most `limit` times, a newer broadcast for the same key replacing the older one.
 */
export class BroadcastQueue<T> {
  private items = new Map<string, Item<T>>();
  private nextId = 0;

  /** @param maxDepth - oldest broadcasts are dropped beyond this many (memberlist broadcast queue depth) */
  constructor(private readonly maxDepth = 4096) {}

  /** Queued broadcasts. */
  get length(): number {
    return this.items.size;
  }

  /** Queues `value` under `key`, invalidating any queued broadcast with the same key. */
  push(key: string, value: T): void {
    this.items.delete(key);
    this.items.set(key, { key, value, bytes: pack(value).length, transmits: 0, id: this.nextId++ });
    if (this.items.size > this.maxDepth) {
      const oldest = this.items.keys().next().value as string;
      this.items.delete(oldest);
    }
  }

  /** Takes broadcasts fitting in `budget` bytes, counting one transmit each; those sent `limit` times leave. */
  take(budget: number, limit: number): T[] {
    if (this.items.size === 0) return [];
    const sorted = [...this.items.values()].sort((a, b) => a.transmits - b.transmits || b.id - a.id);
    const out: T[] = [];
    let used = 0;
    for (const item of sorted) {
      if (used + item.bytes > budget) continue;
      used += item.bytes;
      out.push(item.value);
      item.transmits += 1;
      if (item.transmits >= limit) this.items.delete(item.key);
    }
    return out;
  }

  /** Drops every queued broadcast. */
  clear(): void {
    this.items.clear();
  }
}
