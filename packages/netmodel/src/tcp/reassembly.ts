import { seqAdd, seqDiff, seqLe } from './seq.js';

interface Piece {
  seq: number;
  data: Uint8Array;
}

/**
 * Out-of-order segments held until the gap before them is filled (Linux keeps an "ofo queue" the same
 * way). Only in-window data is inserted, so the queue never holds more than the receive window.
 */
export class Reassembly {
  // Sorted by sequence number; they all lie within one window of the next expected byte.
  private readonly pieces: Piece[] = [];

  /** Number of held segments. */
  get size(): number {
    return this.pieces.length;
  }

  /** Holds `data` starting at `seq`; a segment already held at the same place with as many bytes is ignored. */
  insert(seq: number, data: Uint8Array): void {
    if (data.length === 0) return;
    let i = 0;
    while (i < this.pieces.length && seqDiff(this.pieces[i]!.seq, seq) < 0) i++;
    const same = this.pieces[i];
    if (same !== undefined && same.seq === seq) {
      if (same.data.length < data.length) same.data = data;
      return;
    }
    this.pieces.splice(i, 0, { seq, data });
  }

  /** Removes every held byte that is now contiguous with `next`; returns them in order. */
  drain(next: number): { chunks: Uint8Array[]; next: number } {
    const chunks: Uint8Array[] = [];
    let cursor = next;
    while (this.pieces.length > 0 && seqLe(this.pieces[0]!.seq, cursor)) {
      const { seq, data } = this.pieces.shift()!;
      const overlap = seqDiff(cursor, seq);
      if (overlap >= data.length) continue;
      const fresh = data.subarray(overlap);
      chunks.push(fresh);
      cursor = seqAdd(cursor, fresh.length);
    }
    return { chunks, next: cursor };
  }
}
