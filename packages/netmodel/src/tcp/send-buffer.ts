/**
 * Bytes the application wrote that the peer has not acknowledged yet, oldest first. Offsets are relative
 * to the first unacknowledged byte; acknowledged bytes are dropped with `consume`.
 */
export class SendBuffer {
  private readonly chunks: Uint8Array[] = [];
  // Bytes of chunks[0] already consumed.
  private head = 0;
  private size = 0;

  /** Bytes held (sent-but-unacknowledged plus not yet sent). */
  get length(): number {
    return this.size;
  }

  /** Appends a copy of `data`, so the caller may reuse its buffer. */
  push(data: Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data.slice());
    this.size += data.length;
  }

  /** A fresh copy of `len` bytes starting `offset` bytes after the oldest one. */
  read(offset: number, len: number): Uint8Array {
    const out = new Uint8Array(Math.max(0, Math.min(len, this.size - offset)));
    let skip = offset + this.head;
    let filled = 0;
    for (const chunk of this.chunks) {
      if (filled === out.length) break;
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      const part = chunk.subarray(skip, skip + out.length - filled);
      out.set(part, filled);
      filled += part.length;
      skip = 0;
    }
    return out;
  }

  /** Drops the `n` oldest bytes (they were acknowledged). */
  consume(n: number): void {
    let left = Math.min(n, this.size);
    this.size -= left;
    while (left > 0) {
      const first = this.chunks[0]!;
      const avail = first.length - this.head;
      if (left < avail) {
        this.head += left;
        return;
      }
      left -= avail;
      this.chunks.shift();
      this.head = 0;
    }
  }
}
