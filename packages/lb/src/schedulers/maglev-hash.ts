import type { RealServer } from '../real-server.js';
import { gcd, keyedHash, type HashKey } from './hash.js';
import type { FlowKey, Scheduler } from './scheduler.js';

/** Options of the `mh` scheduler. */
export interface MaglevHashOptions {
  /** Lookup table size M, a prime (checked by the caller). */
  tableSize: number;
  fallback: boolean;
  hashPort: boolean;
  /** Two per-service secrets: hash1 gives offsets and lookups, hash2 the skips. */
  hash1: HashKey;
  hash2: HashKey;
}

interface DestSetup {
  offset: number;
  skip: number;
  perm: number;
  turns: number;
}

/**
 * `mh` (ip_vs_mh.c, Maglev §3.4): each server walks its own permutation of the M slots (offset and skip
 * from two hashes of its address) and, in turn, claims its next free slot — `turns` slots per round,
 * from its weight — until the table is full. Slots are balanced within one per server, and removing a
 * server moves little more than its own slots. Flows go to slot hash1(srcaddr [+ srcport]) mod M.
 */
export class MaglevHash implements Scheduler {
  readonly name = 'mh';
  private readonly lookup: (RealServer | undefined)[];

  constructor(
    private readonly dests: readonly RealServer[],
    private readonly options: MaglevHashOptions
  ) {
    this.lookup = new Array<RealServer | undefined>(options.tableSize);
    this.populate();
  }

  pick(flow: FlowKey): RealServer | undefined {
    const size = this.options.tableSize;
    const port = this.options.hashPort ? flow.srcPort : 0;
    const ihash = slotOf(flow.srcAddr, port, 0, this.options.hash1, size);
    const dest = this.lookup[ihash];
    if (dest === undefined || dest.available) return dest;
    if (!this.options.fallback) return undefined;
    for (let offset = 0; offset < size; offset++) {
      const next = this.lookup[slotOf(flow.srcAddr, port, (offset + ihash) % size, this.options.hash1, size)];
      if (next === undefined) break;
      if (next.available) return next;
    }
    return undefined;
  }

  onChange(): void {
    this.populate();
  }

  /** Slots held by each server, for inspection and tests. */
  slotCounts(): Map<RealServer, number> {
    const counts = new Map<RealServer, number>();
    for (const d of this.lookup) if (d !== undefined) counts.set(d, (counts.get(d) ?? 0) + 1);
    return counts;
  }

  /** ip_vs_mh_permutate + ip_vs_mh_populate. Weights are last_weight, so draining keeps the slots. */
  private populate(): void {
    const size = this.options.tableSize;
    this.lookup.fill(undefined);
    const setups = this.permutate();
    if (setups === undefined) return;
    const taken = new Uint8Array(size);
    let n = 0;
    while (n < size) {
      for (let i = 0; i < setups.length && n < size; i++) {
        const ds = setups[i]!;
        for (let t = 0; t < ds.turns && n < size; t++) {
          while (taken[ds.perm] === 1) {
            ds.perm += ds.skip;
            if (ds.perm >= size) ds.perm -= size;
          }
          taken[ds.perm] = 1;
          this.lookup[ds.perm] = this.dests[i];
          n++;
        }
      }
    }
  }

  /** Offset, skip and turns per server; undefined when no server ever had a weight (gcd < 1). */
  private permutate(): DestSetup[] | undefined {
    const size = this.options.tableSize;
    let g = 0;
    let max = 0;
    for (const d of this.dests) {
      if (d.lastWeight > 0) g = g > 0 ? gcd(d.lastWeight, g) : d.lastWeight;
      max = Math.max(max, d.lastWeight);
    }
    if (g < 1) return undefined;
    // ip_vs_mh_shift_weight: keep weight/gcd within IP_VS_MH_TAB_BITS = ilog2(M)/2 bits per round.
    const tabBits = Math.floor(Math.floor(Math.log2(size)) / 2);
    const shift = Math.max(0, bitLength(Math.floor(max / g)) - tabBits);
    return this.dests.map((d) => {
      const key = (d.addr + d.port) >>> 0;
      const offset = keyedHash(key, this.options.hash1) % size;
      const turns = Math.floor(d.lastWeight / g) >> shift || (d.lastWeight !== 0 ? 1 : 0);
      return { offset, skip: (keyedHash(key, this.options.hash2) % (size - 1)) + 1, perm: offset, turns };
    });
  }
}

function slotOf(addr: number, port: number, offset: number, key: HashKey, size: number): number {
  return keyedHash((offset + port + addr) >>> 0, key) % size;
}

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}
