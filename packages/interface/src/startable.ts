/**
 * A long-lived part with an explicit lifecycle. The owner calls `beforeStart` on all parts, then `start`,
 * in dependency order, and `stop` then `afterStop` in reverse order.
 */
export interface Startable {
  beforeStart?(): void | Promise<void>;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  afterStop?(): void | Promise<void>;
}

/** True when `obj` implements {@link Startable}. */
export function isStartable(obj: unknown): obj is Startable {
  return (
    typeof obj === 'object' &&
    obj !== null &&
    typeof (obj as Startable).start === 'function' &&
    typeof (obj as Startable).stop === 'function'
  );
}
