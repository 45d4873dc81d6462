import { formatIpv4, isIpv4, parseIpv4 } from '@swarmsim/addr';
import { PacketError, truncated } from './errors.js';
import type { Ipv4Address, MacAddress } from './types.js';

/** The Ethernet broadcast address. */
export const BROADCAST_MAC: MacAddress = 'ff:ff:ff:ff:ff:ff';
/** The all-zero MAC, used as the unknown target of an ARP request. */
export const ZERO_MAC: MacAddress = '00:00:00:00:00:00';

// Lookup tables instead of regexes or parseInt: these converters run once per header on the hot path.
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

const MAC_SCRATCH = new Uint8Array(6);

function hexDigit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? HEX_VALUE[c]! : -1;
}

/** Writes `mac` into `out` at `offset`; false (with `out` partly written) when `mac` is malformed. */
function parseMacInto(mac: string, out: Uint8Array, offset: number): boolean {
  if (typeof mac !== 'string' || mac.length !== 17) return false;
  for (let i = 0; i < 6; i++) {
    const at = i * 3;
    if (i > 0 && mac.charCodeAt(at - 1) !== 0x3a /* : */) return false;
    const hi = hexDigit(mac, at);
    const lo = hexDigit(mac, at + 1);
    if (hi < 0 || lo < 0) return false;
    out[offset + i] = (hi << 4) | lo;
  }
  return true;
}

function badAddress(kind: string, value: unknown): PacketError {
  return new PacketError({ code: 'PACKET_ERR_BAD_ADDRESS', layer: 'address' }, `not a ${kind}: ${String(value)}`);
}

/** True when `s` is a colon-separated 6-byte MAC address (either hex case). */
export function isValidMac(s: string): boolean {
  return parseMacInto(s, MAC_SCRATCH, 0);
}

/** True when `s` is a dotted-quad IPv4 address in @swarmsim/addr's grammar (no leading zeros). */
export function isValidIpv4(s: string): boolean {
  return isIpv4(s);
}

/** Writes a MAC into `out` at `offset`; throws PACKET_ERR_BAD_ADDRESS when malformed. */
export function writeMac(out: Uint8Array, offset: number, mac: MacAddress): void {
  if (!parseMacInto(mac, out, offset)) throw badAddress('MAC address', mac);
}

/** The six bytes of a MAC address; throws PACKET_ERR_BAD_ADDRESS when malformed. */
export function macToBytes(mac: MacAddress): Uint8Array {
  const out = new Uint8Array(6);
  writeMac(out, 0, mac);
  return out;
}

/** Reads a MAC address (lowercase colon form) from six bytes at `offset`. */
export function bytesToMac(bytes: Uint8Array, offset = 0): MacAddress {
  if (offset < 0 || offset + 6 > bytes.length) throw truncated('address', 6, bytes.length - offset, offset);
  return (
    HEX_PAIRS[bytes[offset]!]! +
    ':' +
    HEX_PAIRS[bytes[offset + 1]!]! +
    ':' +
    HEX_PAIRS[bytes[offset + 2]!]! +
    ':' +
    HEX_PAIRS[bytes[offset + 3]!]! +
    ':' +
    HEX_PAIRS[bytes[offset + 4]!]! +
    ':' +
    HEX_PAIRS[bytes[offset + 5]!]!
  );
}

/** The address as an unsigned 32-bit number; throws PACKET_ERR_BAD_ADDRESS when malformed. */
export function ipv4ToUint32(ip: Ipv4Address): number {
  const n = parseIpv4(ip);
  if (n === undefined) throw badAddress('IPv4 address', ip);
  return n;
}

/** Dotted-quad form of an unsigned 32-bit number; throws PACKET_ERR_OUT_OF_RANGE outside 0..2^32-1. */
export function uint32ToIpv4(n: number): Ipv4Address {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new PacketError({ code: 'PACKET_ERR_OUT_OF_RANGE', layer: 'address' }, `not a uint32: ${n}`);
  }
  return formatIpv4(n);
}

/** Writes an IPv4 address into `out` at `offset` (network order); throws PACKET_ERR_BAD_ADDRESS when malformed. */
export function writeIpv4(out: Uint8Array, offset: number, ip: Ipv4Address): void {
  const n = ipv4ToUint32(ip);
  out[offset] = n >>> 24;
  out[offset + 1] = (n >>> 16) & 0xff;
  out[offset + 2] = (n >>> 8) & 0xff;
  out[offset + 3] = n & 0xff;
}

/** The four bytes of an IPv4 address in network order; throws PACKET_ERR_BAD_ADDRESS when malformed. */
export function ipv4ToBytes(ip: Ipv4Address): Uint8Array {
  const out = new Uint8Array(4);
  writeIpv4(out, 0, ip);
  return out;
}

/** Reads a dotted-quad IPv4 address from four bytes at `offset`. */
export function bytesToIpv4(bytes: Uint8Array, offset = 0): Ipv4Address {
  if (offset < 0 || offset + 4 > bytes.length) throw truncated('address', 4, bytes.length - offset, offset);
  return `${bytes[offset]!}.${bytes[offset + 1]!}.${bytes[offset + 2]!}.${bytes[offset + 3]!}`;
}

/** Docker's container MAC: `02:42:` followed by the four IPv4 bytes (172.17.0.2 → 02:42:ac:11:00:02). */
export function macFromIpv4(ip: Ipv4Address): MacAddress {
  const n = ipv4ToUint32(ip);
  return (
    '02:42:' +
    HEX_PAIRS[n >>> 24]! +
    ':' +
    HEX_PAIRS[(n >>> 16) & 0xff]! +
    ':' +
    HEX_PAIRS[(n >>> 8) & 0xff]! +
    ':' +
    HEX_PAIRS[n & 0xff]!
  );
}
