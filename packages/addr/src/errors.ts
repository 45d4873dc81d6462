// Error codes of @swarmsim/addr's address helpers (copied into docs/errors.md; the IPAM has its own errors.ts):
// ADDR_ERR_INVALID_ADDRESS: a string is not a dotted-quad IPv4 address (four decimal octets 0–255, no leading
//   zeros, no whitespace)
// ADDR_ERR_INVALID_CIDR: a string is not an IPv4 CIDR `a.b.c.d/len` (len 0–32 without leading zeros); `reason`
//   is `ipv6` for an IPv6 CIDR
// ADDR_ERR_INVALID_PREFIX_LENGTH: a prefix length given as a number is not an integer in 0–32
// ADDR_ERR_OUT_OF_RANGE: a number to format as an IPv4 address is not an integer in 0–4294967295
import { SwarmsimError } from '@swarmsim/interface';

/** Stable codes of {@link AddrError}. */
export type AddrErrorCode = AddrErrorType['code'];

/** Metadata of an {@link AddrError}, discriminated on `code`. */
export type AddrErrorType =
  | { code: 'ADDR_ERR_INVALID_ADDRESS'; address: string }
  | { code: 'ADDR_ERR_INVALID_CIDR'; cidr: string; reason: 'syntax' | 'ipv6' }
  | { code: 'ADDR_ERR_INVALID_PREFIX_LENGTH'; prefixLength: number }
  | { code: 'ADDR_ERR_OUT_OF_RANGE'; value: number };

/** Error of the throwing address helpers (`ipv4ToUint32`, `formatIpv4`, `canonicalCidr`, …). */
export class AddrError extends SwarmsimError<AddrErrorType> {
  constructor(type: AddrErrorType) {
    super(type, addrMessage(type));
  }
}

// Go's wording where Go has one (net.ParseIP / net.ParseCIDR: "invalid CIDR address: …").
function addrMessage(t: AddrErrorType): string {
  switch (t.code) {
    case 'ADDR_ERR_INVALID_ADDRESS':
      return `invalid IPv4 address: ${JSON.stringify(t.address)}`;
    case 'ADDR_ERR_INVALID_CIDR':
      return `invalid CIDR address: ${JSON.stringify(t.cidr)}`;
    case 'ADDR_ERR_INVALID_PREFIX_LENGTH':
      return `invalid prefix length: ${t.prefixLength} (expected an integer 0–32)`;
    case 'ADDR_ERR_OUT_OF_RANGE':
      return `not an IPv4 address number: ${t.value} (expected an integer 0–4294967295)`;
  }
}
