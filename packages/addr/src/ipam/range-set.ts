import type { Ipv4Range } from '../prefix.js';

/**
 * Sorted, disjoint address ranges with O(log n) overlap lookup. With `coalesce`, touching ranges are
 * merged, so a run of thousands of adjacent subnets is skipped in one step when searching for a gap.
 */
export class RangeSet<R extends Ipv4Range = Ipv4Range> {
  private readonly ranges: R[] = [];
  private readonly coalesce: boolean;

  constructor(options: { coalesce: boolean }) {
    this.coalesce = options.coalesce;
  }

  /** Number of stored (possibly merged) ranges. */
  get size(): number {
    return this.ranges.length;
  }

  /** The lowest stored range sharing an address with `start`..`end`, if any. */
  firstOverlap(start: number, end: number): R | undefined {
    const candidate = this.ranges[this.lowerBound(start)];
    return candidate !== undefined && candidate.start <= end ? candidate : undefined;
  }

  /** Adds a range that overlaps nothing stored (the caller checks with firstOverlap). */
  add(range: R): void {
    const i = this.lowerBound(range.start);
    const prev = this.ranges[i - 1];
    const next = this.ranges[i];
    const joinPrev = this.coalesce && prev !== undefined && prev.end + 1 === range.start;
    const joinNext = this.coalesce && next !== undefined && range.end + 1 === next.start;
    if (!joinPrev && !joinNext) {
      this.ranges.splice(i, 0, range);
      return;
    }
    // Only a coalescing set merges, and it is declared with R = Ipv4Range.
    const merged = { start: joinPrev ? prev.start : range.start, end: joinNext ? next.end : range.end } as R;
    const from = joinPrev ? i - 1 : i;
    this.ranges.splice(from, (joinPrev ? 1 : 0) + (joinNext ? 1 : 0), merged);
  }

  /** Removes a range previously added (with coalesce: cuts it out of the merged range holding it). */
  delete(range: R): void {
    const i = this.lowerBound(range.start);
    const holder = this.ranges[i];
    if (holder === undefined || holder.start > range.start || holder.end < range.end) return;
    const pieces: R[] = [];
    // Cutting only happens in a coalescing set (R = Ipv4Range); an exact set removes `holder` whole.
    if (holder.start < range.start) pieces.push({ start: holder.start, end: range.start - 1 } as R);
    if (range.end < holder.end) pieces.push({ start: range.end + 1, end: holder.end } as R);
    this.ranges.splice(i, 1, ...pieces);
  }

  /** Index of the first range whose end is ≥ `value` (ranges are sorted by start and by end). */
  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ranges[mid]!.end < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
