// One chunk covers a /16 worth of addresses (8 KiB). Chunks are created on first use and dropped when
// empty, like libnetwork's addrset, so a /8 pool costs nothing until addresses are handed out.
const CHUNK_BITS = 65536;

/** Lowest set bit's index of a non-zero 32-bit word. */
function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/** Mask of the bits `from`..`to` (inclusive, 0..31) of a word. */
function bitMask(from: number, to: number): number {
  const upper = to === 31 ? 0xffffffff : 2 ** (to + 1) - 1;
  return (upper - (2 ** from - 1)) >>> 0;
}

/** Number of set bits in a 32-bit word. */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A sparse set of ordinals 0 … size-1 backed by lazily created Uint32Array chunks. */
export class AddressBitmap {
  /** Number of ordinals the bitmap covers. */
  readonly size: number;
  private readonly chunks = new Map<number, { words: Uint32Array; count: number }>();
  private setBits = 0;
  // Every ordinal below lowWater is set: lowest-free searches skip the dense, fully used prefix.
  private lowWater = 0;

  constructor(size: number) {
    this.size = size;
  }

  /** Number of set ordinals. */
  get count(): number {
    return this.setBits;
  }

  /** True when `ordinal` is set. */
  has(ordinal: number): boolean {
    const chunk = this.chunks.get(Math.floor(ordinal / CHUNK_BITS));
    if (chunk === undefined) return false;
    const bit = ordinal % CHUNK_BITS;
    return ((chunk.words[bit >>> 5]! >>> (bit & 31)) & 1) === 1;
  }

  /** Sets `ordinal`; false when it was already set. */
  add(ordinal: number): boolean {
    if (this.has(ordinal)) return false;
    const index = Math.floor(ordinal / CHUNK_BITS);
    let chunk = this.chunks.get(index);
    if (chunk === undefined) {
      chunk = { words: new Uint32Array(Math.ceil(this.chunkBits(index) / 32)), count: 0 };
      this.chunks.set(index, chunk);
    }
    const bit = ordinal % CHUNK_BITS;
    chunk.words[bit >>> 5] = (chunk.words[bit >>> 5]! | (1 << (bit & 31))) >>> 0;
    chunk.count++;
    this.setBits++;
    return true;
  }

  /** Clears `ordinal`; false when it was not set. */
  delete(ordinal: number): boolean {
    if (!this.has(ordinal)) return false;
    const index = Math.floor(ordinal / CHUNK_BITS);
    const chunk = this.chunks.get(index)!;
    const bit = ordinal % CHUNK_BITS;
    chunk.words[bit >>> 5] = (chunk.words[bit >>> 5]! & ~(1 << (bit & 31))) >>> 0;
    if (--chunk.count === 0) this.chunks.delete(index);
    this.setBits--;
    this.lowWater = Math.min(this.lowWater, ordinal);
    return true;
  }

  /** Lowest clear ordinal in `start`..`end` (inclusive), or undefined when all are set. */
  firstClear(start: number, end: number): number | undefined {
    const from = Math.max(start, this.lowWater);
    if (from > end) return undefined;
    let found: number | undefined;
    for (let index = Math.floor(from / CHUNK_BITS); index <= Math.floor(end / CHUNK_BITS); index++) {
      const base = index * CHUNK_BITS;
      found = this.firstClearInChunk(index, Math.max(from, base) - base, Math.min(end, base + CHUNK_BITS - 1) - base);
      if (found !== undefined) {
        found += base;
        break;
      }
    }
    if (start <= this.lowWater) this.lowWater = found ?? Math.max(this.lowWater, end + 1);
    return found;
  }

  /** Number of set ordinals in `start`..`end` (inclusive). */
  countInRange(start: number, end: number): number {
    let total = 0;
    for (const [index, chunk] of this.chunks) {
      const base = index * CHUNK_BITS;
      const lo = Math.max(start, base) - base;
      const hi = Math.min(end, base + this.chunkBits(index) - 1) - base;
      for (let w = lo >>> 5; lo <= hi && w <= hi >>> 5; w++) {
        const mask = bitMask(w === lo >>> 5 ? lo & 31 : 0, w === hi >>> 5 ? hi & 31 : 31);
        total += popcount((chunk.words[w]! & mask) >>> 0);
      }
    }
    return total;
  }

  /** Set ordinals in ascending order. */
  *values(): IterableIterator<number> {
    for (const index of [...this.chunks.keys()].sort((a, b) => a - b)) {
      const words = this.chunks.get(index)!.words;
      for (let w = 0; w < words.length; w++) {
        let word = words[w]!;
        while (word !== 0) {
          const bit = lowestBit(word);
          yield index * CHUNK_BITS + w * 32 + bit;
          word = (word & ~(1 << bit)) >>> 0;
        }
      }
    }
  }

  /** Ordinals covered by chunk `index` (the last chunk of a small bitmap is partial). */
  private chunkBits(index: number): number {
    return Math.min(CHUNK_BITS, this.size - index * CHUNK_BITS);
  }

  /** Lowest clear bit in `lo`..`hi` of one chunk, relative to the chunk. */
  private firstClearInChunk(index: number, lo: number, hi: number): number | undefined {
    const chunk = this.chunks.get(index);
    if (chunk === undefined) return lo;
    if (chunk.count === this.chunkBits(index)) return undefined;
    for (let w = lo >>> 5; w <= hi >>> 5; w++) {
      const mask = bitMask(w === lo >>> 5 ? lo & 31 : 0, w === hi >>> 5 ? hi & 31 : 31);
      const free = (~chunk.words[w]! & mask) >>> 0;
      if (free !== 0) return w * 32 + lowestBit(free);
    }
    return undefined;
  }
}
