import {
  seededRandom,
  transportClosed,
  unreachable,
  type Channel,
  type Clock,
  type PeerId,
  type Random,
  type Transport,
  type UnreachableReason
} from '@swarmsim/interface';
import { MemoryNetworkError } from './errors.js';
import { DEFAULT_LINK, drawDelay, resolveLink, type LinkConditions, type ResolvedLink } from './link-conditions.js';
import { MemoryTransport, type Wire } from './memory-transport.js';
import { Partitions } from './partitions.js';
import { ReliableStream } from './reliable-stream.js';

/** Options of a {@link MemoryNetwork}. */
export interface MemoryNetworkOptions {
  /** Seed of every random choice (loss, jitter, duplication): same seed and same sends ⇒ same run. @default 1 */
  seed?: number;
  /** Conditions of every link not set with `setLink`. @default { latencyMs: 1, jitterMs: 0, loss: 0, duplicate: 0 } */
  defaults?: LinkConditions;
  /** Largest payload a transport accepts. @default 1048576 (1 MiB, a generous bulk-sync message) */
  maxPayloadBytes?: number;
  /** Receives errors thrown by message handlers. @default rethrown on a microtask, so the test runner reports them */
  onHandlerError?: (err: unknown) => void;
}

/** Counters of a {@link MemoryNetwork}. */
export interface MemoryNetworkStats {
  /** Messages accepted by a send call. */
  sent: number;
  /** Handler invocations (a duplicated datagram counts twice). */
  delivered: number;
  /** Messages that reached nobody: lost, partitioned, crashed, closed or unheard. */
  dropped: number;
  /** Extra copies created by the `duplicate` link condition. */
  duplicated: number;
}

const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * An in-memory network of {@link Transport}s driven by an injected clock, with seeded latency, jitter,
 * loss, duplication, partitions and crashes (memberlist's MockNetwork, as an object rather than a global).
 */
export class MemoryNetwork {
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly defaults: ResolvedLink;
  private readonly maxPayloadBytes: number;
  private readonly onHandlerError: (err: unknown) => void;
  private readonly nodes = new Map<PeerId, MemoryTransport>();
  private readonly crashed = new Set<PeerId>();
  private readonly links = new Map<string, ResolvedLink>();
  private readonly streams = new Map<string, ReliableStream>();
  private readonly partitions = new Partitions();
  private readonly counters: MemoryNetworkStats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0 };
  private readonly wire: Wire = {
    sendBestEffort: (from, to, channel, payload) => this.sendBestEffort(from, to, channel, payload),
    sendReliable: (from, to, channel, payload) => this.sendReliable(from, to, channel, payload)
  };

  constructor(components: { clock: Clock }, options: MemoryNetworkOptions = {}) {
    this.clock = components.clock;
    this.random = seededRandom(options.seed ?? 1);
    this.defaults = resolveLink(options.defaults ?? {}, DEFAULT_LINK);
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.onHandlerError = options.onHandlerError ?? rethrowLater;
  }

  /** A snapshot of the counters. */
  get stats(): Readonly<MemoryNetworkStats> {
    return { ...this.counters };
  }

  /** Creates the transport of node `id`; re-creating a crashed or closed node's transport restarts it. */
  createTransport(id: PeerId): Transport {
    if (this.nodes.get(id)?.open === true) {
      throw new MemoryNetworkError({ code: 'MEMNET_ERR_DUPLICATE_PEER', peer: id }, `peer ${id} already exists`);
    }
    this.crashed.delete(id);
    const transport = new MemoryTransport(id, this.maxPayloadBytes, this.wire);
    this.nodes.set(id, transport);
    return transport;
  }

  /** Sets the conditions of the link between `a` and `b`, both directions; unset fields take the defaults. */
  setLink(a: PeerId, b: PeerId, conditions: LinkConditions): void {
    const link = resolveLink(conditions, this.defaults);
    this.links.set(linkKey(a, b), link);
    this.links.set(linkKey(b, a), link);
  }

  /** Cuts every peer of `a` off from every peer of `b` (both ways), on one channel or on all of them. */
  partition(a: PeerId | PeerId[], b: PeerId | PeerId[], options: { channel?: Channel } = {}): void {
    this.partitions.add(a, b, options.channel);
  }

  /** Removes every partition. */
  heal(): void {
    this.partitions.clear();
  }

  /** The node vanishes: nothing in or out, in-flight messages to or from it are dropped, its sends fail. */
  crash(id: PeerId): void {
    this.crashed.add(id);
    this.nodes.get(id)?.shutdown();
  }

  private sendBestEffort(from: PeerId, to: PeerId, channel: Channel, payload: Uint8Array): void {
    this.counters.sent++;
    const link = this.link(from, to);
    if (this.random() < link.loss) {
      this.counters.dropped++;
      return;
    }
    const copies = this.random() < link.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      if (i > 0) this.counters.duplicated++;
      const data = i === 0 ? payload : payload.slice();
      this.clock.setTimeout(
        () => {
          if (this.blocked(from, to, channel) === undefined) this.deliver(from, to, channel, data);
          else this.counters.dropped++;
        },
        drawDelay(link, this.random)
      );
    }
  }

  private sendReliable(from: PeerId, to: PeerId, channel: Channel, payload: Uint8Array): Promise<void> {
    this.counters.sent++;
    const key = `${from}\u0000${to}\u0000${channel}`;
    let stream = this.streams.get(key);
    if (stream === undefined) {
      stream = new ReliableStream(this.clock);
      this.streams.set(key, stream);
    }
    const due = this.clock.now() + this.link(from, to).latencyMs;
    return new Promise<void>((resolve, reject) => {
      stream.push({ due, resolve, reject, deliver: () => this.deliverReliable(from, to, channel, payload) });
    });
  }

  private deliverReliable(from: PeerId, to: PeerId, channel: Channel, payload: Uint8Array): Error | undefined {
    const reason = this.blocked(from, to, channel);
    if (reason === 'sender-closed') {
      this.counters.dropped++;
      return transportClosed(from);
    }
    if (reason !== undefined) {
      this.counters.dropped++;
      return unreachable(to, reason);
    }
    this.deliver(from, to, channel, payload);
    return undefined;
  }

  private deliver(from: PeerId, to: PeerId, channel: Channel, payload: Uint8Array): void {
    try {
      if (this.nodes.get(to)?.deliver(from, channel, payload) === true) this.counters.delivered++;
      else this.counters.dropped++;
    } catch (err) {
      this.counters.delivered++;
      this.onHandlerError(err);
    }
  }

  /** Why a message cannot travel now, or undefined when it can. */
  private blocked(from: PeerId, to: PeerId, channel: Channel): UnreachableReason | 'sender-closed' | undefined {
    if (this.nodes.get(from)?.open !== true) return 'sender-closed';
    if (this.crashed.has(to)) return 'crashed';
    const target = this.nodes.get(to);
    if (target === undefined) return 'unknown';
    if (!target.open) return 'closed';
    if (this.partitions.blocks(from, to, channel)) return 'partitioned';
    return undefined;
  }

  private link(from: PeerId, to: PeerId): ResolvedLink {
    return this.links.get(linkKey(from, to)) ?? this.defaults;
  }
}

function linkKey(from: PeerId, to: PeerId): string {
  return `${from}\u0000${to}`;
}

function rethrowLater(err: unknown): void {
  queueMicrotask(() => {
    throw err;
  });
}
