import type { RealServer } from '../real-server.js';
import { hash32 } from './hash.js';
import type { FlowKey, Scheduler } from './scheduler.js';

/** Bits of the sh bucket table (CONFIG_IP_VS_SH_TAB_BITS default 8 → 256 buckets). */
const SH_TAB_BITS = 8;
const SH_TAB_SIZE = 1 << SH_TAB_BITS;

/** Options of the `sh` scheduler (the service's sh-fallback / sh-port flags). */
export interface SourceHashOptions {
  fallback: boolean;
  hashPort: boolean;
}

/**
 * `sh` (ip_vs_sh.c): a 256-bucket table filled round the destination list, each server taking `weight`
 * consecutive buckets (at least one); a flow goes to bucket hash_32(srcport + srcaddr). An unavailable
 * (weight-0 or overloaded) server yields no destination unless sh-fallback probes on round the table.
 */
export class SourceHash implements Scheduler {
  readonly name = 'sh';
  private readonly buckets: (RealServer | undefined)[] = new Array<RealServer | undefined>(SH_TAB_SIZE);

  constructor(
    private readonly dests: readonly RealServer[],
    private readonly options: SourceHashOptions
  ) {
    this.reassign();
  }

  pick(flow: FlowKey): RealServer | undefined {
    const port = this.options.hashPort ? flow.srcPort : 0;
    const ihash = bucketOf(flow.srcAddr, port, 0);
    const dest = this.buckets[ihash];
    if (dest === undefined || dest.available) return dest;
    if (!this.options.fallback) return undefined;
    // ip_vs_sh_get_fallback: rehash with growing offsets until an available server turns up.
    for (let offset = 0; offset < SH_TAB_SIZE; offset++) {
      const next = this.buckets[bucketOf(flow.srcAddr, port, (offset + ihash) % SH_TAB_SIZE)];
      if (next === undefined) break;
      if (next.available) return next;
    }
    return undefined;
  }

  onChange(): void {
    this.reassign();
  }

  /** ip_vs_sh_reassign: walk the list, giving each server `weight` consecutive buckets. */
  private reassign(): void {
    const n = this.dests.length;
    let p = 0;
    let count = 0;
    for (let i = 0; i < SH_TAB_SIZE; i++) {
      if (n === 0) {
        this.buckets[i] = undefined;
        continue;
      }
      const dest = this.dests[p % n]!;
      this.buckets[i] = dest;
      if (++count >= dest.weight) {
        p++;
        count = 0;
      }
    }
  }
}

function bucketOf(addr: number, port: number, offset: number): number {
  return (offset + hash32((port + addr) >>> 0, SH_TAB_BITS)) % SH_TAB_SIZE;
}
