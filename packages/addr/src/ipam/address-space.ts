import { parseNetworkPrefix } from './cidr.js';
import { IpamError } from './errors.js';
import { alignUp, blockSize, prefixesOverlap, type Ipv4Prefix, type Ipv4Range } from '../prefix.js';
import { RangeSet } from './range-set.js';
import type { IpamScope, PredefinedPool } from './types.js';

/** A predefined pool as numbers: `base` split into subnets of prefix length `size`. */
interface SplitPool {
  readonly base: Ipv4Prefix;
  readonly size: number;
}

/**
 * The subnets allocated in one address space (`local` or `global`) and its predefined pools.
 * Mirrors libnetwork's defaultipam addrSpace: pools are sorted by address, and a pool overlapping an
 * earlier one is dropped, so first-fit never hands out a subnet of an already-scanned pool.
 */
export class AddressSpace {
  /** Which space this is (for error metadata). */
  readonly scope: IpamScope;
  private readonly predefined: readonly SplitPool[];
  // Individual subnets (to name the one an explicit subnet collides with) …
  private readonly subnets = new RangeSet<Ipv4Prefix>({ coalesce: false });
  // … and the same set with neighbours merged (to jump over long runs while searching for a gap).
  private readonly covered = new RangeSet({ coalesce: true });

  constructor(scope: IpamScope, pools: readonly PredefinedPool[]) {
    this.scope = scope;
    this.predefined = splitPools(pools);
  }

  /** The allocated subnet overlapping `range`, if any. */
  overlapping(range: Ipv4Range): Ipv4Prefix | undefined {
    return this.subnets.firstOverlap(range.start, range.end);
  }

  /** Marks `subnet` allocated; the caller has checked `overlapping` first. */
  add(subnet: Ipv4Prefix): void {
    this.subnets.add(subnet);
    this.covered.add(subnet);
  }

  /** Frees a subnet previously added. */
  delete(subnet: Ipv4Prefix): void {
    this.subnets.delete(subnet);
    this.covered.delete(subnet);
  }

  /**
   * Lowest free predefined subnet (first fit across pools in address order) that overlaps neither an
   * allocated subnet nor `exclude` (libnetwork allocatePredefinedPool). `prefixLength` overrides each
   * pool's size; pools too small for it are skipped (IPAM_ERR_INVALID_POOL_SIZE if none fits).
   */
  findFree(prefixLength: number | undefined, exclude: readonly Ipv4Range[]): Ipv4Prefix {
    const candidates = this.predefined.filter(
      (pool) => prefixLength === undefined || pool.base.prefixLength <= prefixLength
    );
    if (candidates.length === 0) {
      throw new IpamError({ code: 'IPAM_ERR_INVALID_POOL_SIZE', size: prefixLength ?? 0 });
    }
    for (const pool of candidates) {
      const found = this.firstGap(pool.base, prefixLength ?? pool.size, exclude);
      if (found !== undefined) return found;
    }
    const size = prefixLength === undefined ? {} : { prefixLength };
    throw new IpamError({ code: 'IPAM_ERR_POOL_EXHAUSTED', scope: this.scope, ...size });
  }

  /** First aligned /size block inside `base` that collides with nothing. */
  private firstGap(base: Ipv4Range, size: number, exclude: readonly Ipv4Range[]): Ipv4Prefix | undefined {
    const block = blockSize(size);
    let start = base.start;
    while (start + block - 1 <= base.end) {
      const candidate = { start, end: start + block - 1, prefixLength: size };
      const blockerEnd = this.blockerEnd(candidate, exclude);
      if (blockerEnd === undefined) return candidate;
      start = alignUp(blockerEnd + 1, block);
    }
    return undefined;
  }

  /** End of the furthest-reaching range that collides with `candidate`, if any. */
  private blockerEnd(candidate: Ipv4Range, exclude: readonly Ipv4Range[]): number | undefined {
    let end = this.covered.firstOverlap(candidate.start, candidate.end)?.end;
    for (const reserved of exclude) {
      if (prefixesOverlap(reserved, candidate)) end = Math.max(end ?? reserved.end, reserved.end);
    }
    return end;
  }
}

/** Validates, sorts and de-overlaps predefined pools as libnetwork's newAddrSpace does. */
function splitPools(pools: readonly PredefinedPool[]): SplitPool[] {
  const parsed = pools.map((pool) => {
    const base = parseNetworkPrefix(pool.base);
    if (!Number.isInteger(pool.size) || pool.size < base.prefixLength || pool.size > 32) {
      throw new IpamError({ code: 'IPAM_ERR_INVALID_POOL_SIZE', size: pool.size, base: pool.base });
    }
    return { base, size: pool.size };
  });
  parsed.sort((a, b) => a.base.start - b.base.start || a.base.prefixLength - b.base.prefixLength);
  const kept: SplitPool[] = [];
  for (const pool of parsed) {
    const last = kept[kept.length - 1];
    if (last === undefined || !prefixesOverlap(last.base, pool.base)) kept.push(pool);
  }
  return kept;
}
