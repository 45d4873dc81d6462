import ipaddr from 'ipaddr.js';
import { AddrError } from './errors.js';

/**
 * Numeric value (unsigned 32-bit) of a dotted-quad IPv4 address, or undefined when `text` is not one.
 *
 * THE grammar of every package: exactly four decimal octets 0–255 separated by dots, no leading zeros
 * (`010.0.0.1` is refused, as Go's net.ParseIP has done since Go 1.17 — Docker's parser — because other
 * parsers read it as octal), no sign, no hex, no shorthand (`10.1`), no whitespace anywhere.
 */
export function parseIpv4(text: string): number | undefined {
  // A char scanner rather than a regex or ipaddr.js: this runs once per address field of every packet encoded.
  if (typeof text !== 'string' || text.length < 7 || text.length > 15) return undefined;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e; // a virtual dot closes the last octet
    if (c === 0x2e /* . */) {
      if (digits === 0 || octet > 255 || (digits > 1 && text.charCodeAt(i - digits) === 0x30) /* 0 */) {
        return undefined;
      }
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 0x30 && c <= 0x39 && digits < 3) {
      octet = octet * 10 + (c - 0x30);
      digits++;
    } else {
      return undefined;
    }
  }
  return dots === 4 ? value : undefined;
}

/** True when `text` is a dotted-quad IPv4 address in the {@link parseIpv4} grammar. */
export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== undefined;
}

/** The address as an unsigned 32-bit number; throws ADDR_ERR_INVALID_ADDRESS when `text` is not one. */
export function ipv4ToUint32(text: string): number {
  const value = parseIpv4(text);
  if (value === undefined) throw new AddrError({ code: 'ADDR_ERR_INVALID_ADDRESS', address: String(text) });
  return value;
}

/** Dotted-quad text of an unsigned 32-bit number; throws ADDR_ERR_OUT_OF_RANGE outside 0 … 2^32-1. */
export function formatIpv4(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new AddrError({ code: 'ADDR_ERR_OUT_OF_RANGE', value });
  }
  return `${value >>> 24}.${(value >>> 16) & 0xff}.${(value >>> 8) & 0xff}.${value & 0xff}`;
}

/**
 * True when `text` is an IPv6 address (ipaddr.js). Only used to say *why* something is not IPv4: swarmsim
 * has no IPv6, and the IPAM refuses IPv6 CIDRs with reason `ipv6` as Docker's IPv4 pools do.
 */
export function isIpv6(text: string): boolean {
  return ipaddr.IPv6.isValid(text);
}
