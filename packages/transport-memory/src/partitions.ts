import type { Channel, PeerId } from '@swarmsim/interface';

interface Partition {
  a: ReadonlySet<PeerId>;
  b: ReadonlySet<PeerId>;
  channel: Channel | undefined;
}

/** The set of active partitions of a {@link MemoryNetwork}: each cuts both directions between two groups. */
export class Partitions {
  private readonly list: Partition[] = [];

  /** Cuts every (a, b) pair, on one channel or on all when `channel` is undefined. */
  add(a: PeerId | PeerId[], b: PeerId | PeerId[], channel: Channel | undefined): void {
    this.list.push({ a: new Set(toArray(a)), b: new Set(toArray(b)), channel });
  }

  /** Removes every partition. */
  clear(): void {
    this.list.length = 0;
  }

  /** True when a message from `from` to `to` on `channel` is cut off. */
  blocks(from: PeerId, to: PeerId, channel: Channel): boolean {
    return this.list.some(
      (p) =>
        (p.channel === undefined || p.channel === channel) &&
        ((p.a.has(from) && p.b.has(to)) || (p.b.has(from) && p.a.has(to)))
    );
  }
}

function toArray(ids: PeerId | PeerId[]): PeerId[] {
  return typeof ids === 'string' ? [ids] : ids;
}
