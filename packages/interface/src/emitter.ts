/** Map of event name to listener argument tuple, e.g. `{ data: [Uint8Array]; close: [] }`. */
export type EventMap = Record<string, unknown[]>;

/** Listener of one event. */
export type Listener<A extends unknown[]> = (...args: A) => void;

// Listeners are stored untyped; the public methods keep the types.
type AnyListener = (...args: never[]) => void;

/**
 * A small typed event emitter for pure packages (they cannot import `node:events` types).
 * Listeners run synchronously in registration order; a throwing listener propagates to the emitter.
 */
export class Emitter<E extends EventMap> {
  private readonly listeners = new Map<keyof E, AnyListener[]>();

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as unknown as AnyListener);
    this.listeners.set(event, list);
    return () => this.off(event, listener);
  }

  /** Adds a listener that is removed after its first call. */
  once<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    const off = this.on(event, (...args) => {
      off();
      listener(...args);
    });
    return off;
  }

  /** Removes a listener added with `on`. */
  off<K extends keyof E>(event: K, listener: Listener<E[K]>): void {
    const list = this.listeners.get(event);
    if (list === undefined) return;
    const i = list.indexOf(listener as unknown as AnyListener);
    if (i >= 0) list.splice(i, 1);
  }

  /** Calls every listener of `event` with `args`; returns whether there was any. */
  emit<K extends keyof E>(event: K, ...args: E[K]): boolean {
    const list = this.listeners.get(event);
    if (list === undefined || list.length === 0) return false;
    for (const l of [...list]) (l as unknown as Listener<E[K]>)(...args);
    return true;
  }

  /** Number of listeners of `event`. */
  listenerCount(event: keyof E): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}
