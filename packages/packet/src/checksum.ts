import { ipv4ToUint32 } from './address.js';
import type { Ipv4Address } from './types.js';

/**
 * RFC 1071 Internet checksum of `bytes[start..end)`: the ones' complement of the ones' complement sum of
 * 16-bit big-endian words (an odd last byte is padded with zero). `initial` is an unfolded partial sum to
 * include, such as {@link ipv4PseudoHeaderSum}. A buffer that already holds its correct checksum yields 0.
 */
export function internetChecksum(bytes: Uint8Array, initial = 0, start = 0, end = bytes.length): number {
  let sum = initial;
  const last = end - 1;
  let i = start;
  for (; i < last; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i === last) sum += bytes[i]! << 8;
  // Arithmetic folding: the sum of a 64 KiB buffer can exceed 2^31, beyond what `&` and `>>` handle.
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** Unfolded sum of the IPv4 pseudo-header (src, dst, zero, protocol, length) for UDP and TCP checksums. */
export function ipv4PseudoHeaderSum(src: Ipv4Address, dst: Ipv4Address, protocol: number, length: number): number {
  const s = ipv4ToUint32(src);
  const d = ipv4ToUint32(dst);
  return (s >>> 16) + (s & 0xffff) + (d >>> 16) + (d & 0xffff) + protocol + length;
}
