import { Emitter, type Clock } from '@swarmsim/interface';
import { SwarmError, type ObjectKind } from '../errors.js';
import type { Meta, SwarmNetwork, SwarmNode, SwarmService, SwarmTask } from '../types.js';

/** Object type of each store table. */
export interface StoreObjects {
  node: SwarmNode;
  network: SwarmNetwork;
  service: SwarmService;
  task: SwarmTask;
}

/** One write to the store. */
export interface StoreChange {
  kind: ObjectKind;
  action: 'create' | 'update' | 'delete';
  id: string;
  /** The store index after the write. */
  version: number;
}

/** Events of the {@link Store}. */
export type StoreEvents = { change: [StoreChange] };

type Tables = { [K in ObjectKind]: Map<string, StoreObjects[K]> };

/**
 * The manager's state: nodes, networks, services and tasks, each with `meta.version` taken from one
 * store-wide index bumped on every write, as swarmkit's `Version.Index` (the Raft index) is.
 */
export class Store {
  /** Typed change events, emitted after each write. */
  readonly events = new Emitter<StoreEvents>();
  private index = 0;
  private readonly tables: Tables = { node: new Map(), network: new Map(), service: new Map(), task: new Map() };

  constructor(private readonly clock: Clock) {}

  /** The store-wide index of the last write. */
  get version(): number {
    return this.index;
  }

  /** The object, or undefined. */
  get<K extends ObjectKind>(kind: K, id: string): StoreObjects[K] | undefined {
    return this.tables[kind].get(id);
  }

  /** The object, or SWARM_ERR_NOT_FOUND. */
  must<K extends ObjectKind>(kind: K, id: string): StoreObjects[K] {
    const obj = this.get(kind, id);
    if (obj === undefined) throw new SwarmError({ code: 'SWARM_ERR_NOT_FOUND', kind, ref: id });
    return obj;
  }

  /** All objects of a kind, in creation order. */
  list<K extends ObjectKind>(kind: K): StoreObjects[K][] {
    return [...this.tables[kind].values()];
  }

  /** Stores a new object, stamping its meta. */
  create<K extends ObjectKind>(kind: K, obj: Omit<StoreObjects[K], 'meta'>): StoreObjects[K] {
    const now = this.clock.now();
    const meta: Meta = { version: ++this.index, createdAt: now, updatedAt: now };
    const stored = { ...obj, meta } as StoreObjects[K];
    this.tables[kind].set(stored.id, stored);
    this.events.emit('change', { kind, action: 'create', id: stored.id, version: this.index });
    return stored;
  }

  /** Applies `mutate` to the stored object and bumps its version. */
  update<K extends ObjectKind>(kind: K, id: string, mutate: (obj: StoreObjects[K]) => void): StoreObjects[K] {
    const obj = this.must(kind, id);
    mutate(obj);
    obj.meta.version = ++this.index;
    obj.meta.updatedAt = this.clock.now();
    this.events.emit('change', { kind, action: 'update', id, version: this.index });
    return obj;
  }

  /** Deletes an object; a missing one is a no-op. */
  delete(kind: ObjectKind, id: string): void {
    if (!this.tables[kind].delete(id)) return;
    this.events.emit('change', { kind, action: 'delete', id, version: ++this.index });
  }
}
