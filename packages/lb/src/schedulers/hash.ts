/** 2^32 / golden ratio, the multiplier of the kernel's hash_32(). */
const GOLDEN_RATIO_32 = 0x61c88647;

/** The kernel's hash_32(val, bits): the top `bits` bits of val · GOLDEN_RATIO_32 (mod 2^32). */
export function hash32(val: number, bits: number): number {
  return Math.imul(val >>> 0, GOLDEN_RATIO_32) >>> (32 - bits);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 64-bit secret as two 32-bit halves; stands in for the kernel's random hsiphash key. */
export type HashKey = readonly [number, number];

/**
 * Keyed 32-bit hash of one 32-bit value. The kernel uses hsiphash with a random key per service; any
 * well-mixed keyed hash gives Maglev the same properties, and this one needs no Node crypto.
 */
export function keyedHash(value: number, key: HashKey): number {
  return fmix32(fmix32((value ^ key[0]) >>> 0) ^ key[1]);
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** True when n is a prime (trial division; table sizes are small). */
export function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}
