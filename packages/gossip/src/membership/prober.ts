import type { Clock, Random, TimerHandle } from '@swarmsim/interface';
import type { GossipConfig } from '../config.js';
import type { Membership } from './membership.js';

/** How the prober talks to peers (the owner adds piggybacked broadcasts and seals the frames). */
export interface ProberSend {
  ping(to: string, seq: number, target: string): void;
  indirectPing(to: string, seq: number, target: string): void;
  ack(to: string, seq: number): void;
}

/** Fisher–Yates with the injected RNG. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * SWIM failure detector after memberlist's probeNode: each interval the next member of a shuffled
 * round-robin list gets a direct ping; no ack within the probe timeout ⇒ `indirectChecks` peers ping it
 * for us; still no ack by the end of the interval ⇒ suspect. The interval is stretched by the node's
 * Lifeguard awareness, and a probe still running when the next tick comes makes that tick a no-op (memberlist
 * probes synchronously and its ticker skips missed ticks).
 */
export class Prober {
  private order: string[] = [];
  private seq = 0;
  private readonly pending = new Map<number, () => void>();
  private readonly timers = new Set<TimerHandle>();
  private probing = false;

  constructor(
    private readonly clock: Clock,
    private readonly config: GossipConfig,
    private readonly random: Random,
    private readonly membership: Membership,
    private readonly send: ProberSend
  ) {}

  /** Probes the next member (called every probe interval). */
  probe(): void {
    if (this.probing) return;
    const target = this.nextTarget();
    if (target === undefined) return;
    const seq = this.nextSeq();
    const { awareness } = this.membership;
    const interval = awareness.scale(this.config.probeIntervalMs);
    let acked = false;
    this.probing = true;
    this.pending.set(seq, () => {
      acked = true;
      this.probing = false;
      awareness.applyDelta(-1);
    });
    this.send.ping(target, seq, target);
    this.after(this.config.probeTimeoutMs, () => {
      if (!acked) this.indirect(seq, target);
    });
    // The answer may still come through an indirect path until the (scaled) interval ends.
    this.after(interval - 1, () => {
      this.pending.delete(seq);
      if (acked) return;
      this.probing = false;
      // No nacks in this protocol: memberlist then counts any failed probe against its own health.
      awareness.applyDelta(1);
      this.membership.suspectLocally(target);
    });
  }

  /** A Ping for us: answer it. */
  onPing(from: string, seq: number, target: string): void {
    if (target === this.membership.self) this.send.ack(from, seq);
  }

  /** An indirect-ping request: probe `target` and relay its ack to the requester under its seq. */
  onIndirectPing(from: string, seq: number, target: string): void {
    const mine = this.nextSeq();
    this.pending.set(mine, () => this.send.ack(from, seq));
    this.send.ping(target, mine, target);
    this.after(this.config.probeTimeoutMs, () => this.pending.delete(mine));
  }

  /** An ack: resolve the probe it answers (unknown or late seqs are ignored). */
  onAck(seq: number): void {
    const done = this.pending.get(seq);
    this.pending.delete(seq);
    done?.();
  }

  /** Cancels every outstanding probe timer. */
  stop(): void {
    for (const t of this.timers) t.clear();
    this.timers.clear();
    this.pending.clear();
    this.probing = false;
  }

  private indirect(seq: number, target: string): void {
    const helpers = shuffle(
      this.membership.live().filter((m) => m.id !== target && m.state === 'alive'),
      this.random
    );
    for (const m of helpers.slice(0, this.config.indirectChecks)) this.send.indirectPing(m.id, seq, target);
  }

  private nextTarget(): string | undefined {
    for (let attempts = 0; attempts < 2; attempts++) {
      while (this.order.length > 0) {
        const id = this.order.shift()!;
        const m = this.membership.get(id);
        if (m !== undefined && (m.state === 'alive' || m.state === 'suspect')) return id;
      }
      this.order = shuffle(
        this.membership.live().map((m) => m.id),
        this.random
      );
    }
    return undefined;
  }

  private nextSeq(): number {
    this.seq = (this.seq + 1) % 0x7fffffff;
    return this.seq;
  }

  private after(ms: number, fn: () => void): void {
    const t = this.clock.setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }
}
