import type { Clock, Logger } from '@swarmsim/interface';
import { silentLogger } from '@swarmsim/interface';
import { NetmodelError } from './errors.js';
import { Namespace, type NamespaceOptions } from './stack/namespace.js';
import { seededRandom, type Random } from '@swarmsim/interface';

/** Options of a {@link Fabric}. */
export interface FabricOptions {
  /** Seed of the fabric's RNG (link loss, TCP ISNs, generated MACs). @default 1 */
  seed?: number;
}

/** Collaborators of a {@link Fabric}. */
export interface FabricComponents {
  clock: Clock;
  logger?: Logger;
}

/**
 * The medium shared by every namespace of one simulation: the clock, a seeded RNG and the frame scheduler.
 *
 * Frames move by function calls through a breadth-first queue: a send returns once the frame and every
 * frame it caused (ARP, replies, forwards) has been delivered, unless a link adds latency, in which case the
 * frame waits on the clock. The queue never recurses, so long paths cannot overflow the stack.
 */
export class Fabric {
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  private readonly namespaces = new Map<string, Namespace>();
  private readonly queue: (() => void)[] = [];
  private draining = false;
  private nextIfIndex = 2;

  constructor(components: FabricComponents, options: FabricOptions = {}) {
    this.clock = components.clock;
    this.logger = components.logger ?? silentLogger;
    this.random = seededRandom(options.seed ?? 1);
  }

  /** Creates a namespace (a host's root namespace or a container's) with its loopback up. */
  createNamespace(name: string, options: NamespaceOptions = {}): Namespace {
    if (this.namespaces.has(name)) {
      throw new NetmodelError({ code: 'NETMODEL_ERR_NAMESPACE_EXISTS', namespace: name }, `namespace ${name} exists`);
    }
    const ns = new Namespace(this, name, options);
    this.namespaces.set(name, ns);
    return ns;
  }

  /** Looks a namespace up by name. */
  namespace(name: string): Namespace {
    const ns = this.namespaces.get(name);
    if (ns === undefined) {
      throw new NetmodelError({ code: 'NETMODEL_ERR_NO_SUCH_NAMESPACE', namespace: name }, `no namespace ${name}`);
    }
    return ns;
  }

  /** Removes a namespace, deleting its interfaces (a veth's peer goes with it, as in Linux). */
  deleteNamespace(name: string): void {
    const ns = this.namespace(name);
    ns.destroy();
    this.namespaces.delete(name);
  }

  /** All namespaces, in creation order. */
  allNamespaces(): Namespace[] {
    return [...this.namespaces.values()];
  }

  /** A fresh interface index (lo is 1 in every namespace, as in Linux). */
  allocateIfIndex(): number {
    return this.nextIfIndex++;
  }

  /** Runs `task` after the current delivery step, or at once if nothing is being delivered. */
  schedule(task: () => void): void {
    this.queue.push(task);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let i = 0; i < this.queue.length; i++) this.runTask(this.queue[i]!);
    } finally {
      this.queue.length = 0;
      this.draining = false;
    }
  }

  // A bug in one frame's handling must not stop every other frame in flight.
  private runTask(task: () => void): void {
    try {
      task();
    } catch (err) {
      this.logger.error({ err }, 'frame delivery task failed');
    }
  }

  /** Runs `task` after `delayMs` on the clock (0 ⇒ straight into the queue). */
  scheduleAfter(delayMs: number, task: () => void): void {
    if (delayMs <= 0) this.schedule(task);
    else this.clock.setTimeout(() => this.schedule(task), delayMs);
  }
}
