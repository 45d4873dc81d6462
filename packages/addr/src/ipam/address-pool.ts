import { AddressBitmap } from './address-bitmap.js';
import type { Ipv4Prefix, Ipv4Range } from '../prefix.js';

/** Result of reserving one specific address. */
export type ReserveResult = 'ok' | 'in-use' | 'network' | 'broadcast';

/**
 * Address allocation inside one subnet (libnetwork defaultipam PoolData + bitmap.Bitmap).
 * Addresses are handled as absolute numbers; the bitmap is indexed by offset from the subnet start.
 */
export class AddressPool {
  /** The subnet this pool allocates from. */
  readonly subnet: Ipv4Prefix;
  /** Where dynamic addresses come from: the ip-range, or the whole subnet. */
  readonly dynamic: Ipv4Range;
  /** Serial (next-fit, wrapping) rather than lowest-free dynamic allocation. */
  readonly serial: boolean;
  private readonly bits: AddressBitmap;
  // libnetwork Bitmap.curr: offset after the last dynamic allocation, serial or not; only serial reads it.
  private cursor = 0;

  constructor(subnet: Ipv4Prefix, dynamic: Ipv4Range, serial: boolean) {
    this.subnet = subnet;
    this.dynamic = dynamic;
    this.serial = serial;
    this.bits = new AddressBitmap(subnet.end - subnet.start + 1);
    // Network and broadcast addresses are never handed out, except in /31 and /32 (RFC 3021; newPoolData).
    if (subnet.prefixLength < 31) {
      this.bits.add(0);
      this.bits.add(subnet.end - subnet.start);
    }
  }

  /** Which reserved address `address` is, if any. */
  reservedKind(address: number): 'network' | 'broadcast' | undefined {
    if (this.subnet.prefixLength >= 31) return undefined;
    if (address === this.subnet.start) return 'network';
    return address === this.subnet.end ? 'broadcast' : undefined;
  }

  /** True when `address` is allocated (or reserved). */
  has(address: number): boolean {
    return this.bits.has(address - this.subnet.start);
  }

  /** Next dynamic address by policy, or undefined when the dynamic range is full. */
  allocate(): number | undefined {
    const start = this.dynamic.start - this.subnet.start;
    const end = this.dynamic.end - this.subnet.start;
    let offset: number | undefined;
    // bitmap/sequence.go getAvailableFromCurrent: serial scans from the cursor, then wraps to the start.
    if (this.serial && this.cursor > start && this.cursor <= end) offset = this.bits.firstClear(this.cursor, end);
    offset ??= this.bits.firstClear(start, end);
    if (offset === undefined) return undefined;
    this.bits.add(offset);
    this.cursor = offset + 1;
    return this.subnet.start + offset;
  }

  /** Reserves exactly `address` (inside the subnet); static reservations leave the serial cursor alone. */
  reserve(address: number): ReserveResult {
    const reserved = this.reservedKind(address);
    if (reserved !== undefined) return reserved;
    return this.bits.add(address - this.subnet.start) ? 'ok' : 'in-use';
  }

  /** Frees `address`; false when it was not allocated. Network and broadcast stay reserved. */
  release(address: number): boolean {
    if (this.reservedKind(address) !== undefined) return false;
    return this.bits.delete(address - this.subnet.start);
  }

  /** Allocated addresses, ascending, without the reserved network and broadcast addresses. */
  allocated(): number[] {
    const out: number[] = [];
    for (const offset of this.bits.values()) {
      const address = this.subnet.start + offset;
      if (this.reservedKind(address) === undefined) out.push(address);
    }
    return out;
  }

  /** Set addresses in the subnet, network and broadcast included (Docker's IPsInUse). */
  get usedCount(): number {
    return this.bits.count;
  }

  /** Free addresses left in the dynamic range. */
  get dynamicAvailable(): number {
    const start = this.dynamic.start - this.subnet.start;
    const end = this.dynamic.end - this.subnet.start;
    return end - start + 1 - this.bits.countInRange(start, end);
  }
}
