// Sequence numbers live on a circle of 2^32 (RFC 9293 §3.4): compare through the signed 32-bit
// difference, which is right as long as the two numbers are less than 2^31 apart.

/** `a + n` modulo 2^32 (`n` may be negative). */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** Signed distance from `b` to `a` on the sequence circle. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** `a` comes before `b`. */
export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}

/** `a` comes before or is `b`. */
export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}

/** `a` comes after `b`. */
export function seqGt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

/** `a` comes after or is `b`. */
export function seqGe(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}
