/** One replicated entry, live or a tombstone (NetworkDB `entry`). */
export interface Entry {
  table: string;
  network: string;
  key: string;
  value: Uint8Array;
  /** The node that wrote the current version. */
  owner: string;
  /** Table-clock time of the current version. */
  ltime: number;
  /** True for a tombstone kept so older events cannot resurrect the key. */
  deleting: boolean;
  /** Virtual time a tombstone is reaped at (0 for live entries). */
  reapAt: number;
}

/** Entries indexed by (network, table, key). */
export class TableStore {
  private readonly entries = new Map<string, Entry>();

  /** The entry (live or tombstone) for the triple. */
  get(network: string, table: string, key: string): Entry | undefined {
    return this.entries.get(id(network, table, key));
  }

  /** Inserts or replaces. */
  set(entry: Entry): void {
    this.entries.set(id(entry.network, entry.table, entry.key), entry);
  }

  /** Removes outright (no tombstone). */
  remove(entry: Entry): void {
    this.entries.delete(id(entry.network, entry.table, entry.key));
  }

  /** Every entry, tombstones included. */
  all(): Entry[] {
    return [...this.entries.values()];
  }

  /** Entries of one network, tombstones included. */
  inNetwork(network: string): Entry[] {
    return this.all().filter((e) => e.network === network);
  }
}

function id(network: string, table: string, key: string): string {
  return `${network}\u0000${table}\u0000${key}`;
}
