// Error codes of the IPAM area (copied into docs/errors.md):
// IPAM_ERR_POOL_EXHAUSTED: no predefined subnet of the scope is free (Docker: "all predefined address pools
//   have been fully subnetted")
// IPAM_ERR_OVERLAPPING_SUBNET: an explicit subnet overlaps a pool already allocated in the same address space
// IPAM_ERR_INVALID_CIDR: a string is not an IPv4 CIDR, or has host bits set where a network address is required
// IPAM_ERR_INVALID_ADDRESS: a string is not a dotted-quad IPv4 address
// IPAM_ERR_INVALID_IP_RANGE: an ip-range without a subnet, with host bits set, or not inside its subnet
// IPAM_ERR_INVALID_GATEWAY: a gateway without a subnet, or outside its subnet
// IPAM_ERR_INVALID_POOL_SIZE: a default-pool size or requested prefix length that no predefined pool can give
// IPAM_ERR_UNKNOWN_POOL: no pool with that id (never allocated, or released)
// IPAM_ERR_ADDRESS_IN_USE: a static address (or gateway) is already allocated or is the network/broadcast address
// IPAM_ERR_ADDRESS_OUT_OF_RANGE: an address outside the pool's subnet
// IPAM_ERR_NO_AVAILABLE_IPS: no free address left in the pool's ip-range (or subnet)
import { SwarmsimError } from '@swarmsim/interface';
import type { IpamScope } from './types.js';

/** Stable codes of {@link IpamError}. */
export type IpamErrorCode = IpamErrorType['code'];

/** Why a CIDR string was refused. */
export type InvalidCidrReason = 'syntax' | 'ipv6' | 'host-bits';

/** Metadata of an {@link IpamError}, discriminated on `code`. */
export type IpamErrorType =
  | { code: 'IPAM_ERR_POOL_EXHAUSTED'; scope: IpamScope; prefixLength?: number }
  | { code: 'IPAM_ERR_OVERLAPPING_SUBNET'; scope: IpamScope; subnet: string; existing: string }
  | { code: 'IPAM_ERR_INVALID_CIDR'; cidr: string; reason: InvalidCidrReason; expected?: string }
  | { code: 'IPAM_ERR_INVALID_ADDRESS'; ip: string }
  | { code: 'IPAM_ERR_INVALID_IP_RANGE'; ipRange: string; subnet?: string; expected?: string }
  | { code: 'IPAM_ERR_INVALID_GATEWAY'; gateway: string; subnet?: string }
  | { code: 'IPAM_ERR_INVALID_POOL_SIZE'; size: number; base?: string }
  | { code: 'IPAM_ERR_UNKNOWN_POOL'; poolId: string }
  | { code: 'IPAM_ERR_ADDRESS_IN_USE'; poolId: string; subnet: string; ip: string; reserved?: 'network' | 'broadcast' }
  | { code: 'IPAM_ERR_ADDRESS_OUT_OF_RANGE'; poolId: string; subnet: string; ip: string }
  | { code: 'IPAM_ERR_NO_AVAILABLE_IPS'; poolId: string; subnet: string; ipRange?: string };

/** The only error the IPAM throws; the message follows Docker's wording for the same failure. */
export class IpamError extends SwarmsimError<IpamErrorType> {
  constructor(type: IpamErrorType) {
    super(type, ipamMessage(type));
  }
}

/** Docker's text for each failure (libnetwork ipamapi/contract.go, daemon/network.go validateIpamConfig). */
function ipamMessage(t: IpamErrorType): string {
  switch (t.code) {
    case 'IPAM_ERR_POOL_EXHAUSTED':
      return 'all predefined address pools have been fully subnetted';
    case 'IPAM_ERR_OVERLAPPING_SUBNET':
      return `invalid pool request: Pool overlaps with other one on this address space (${t.existing})`;
    case 'IPAM_ERR_INVALID_CIDR':
      return t.reason === 'host-bits'
        ? `invalid subnet ${t.cidr}: it should be ${t.expected ?? ''}`
        : `invalid CIDR address: ${t.cidr}`;
    case 'IPAM_ERR_INVALID_ADDRESS':
      return `invalid IPv4 address: ${t.ip}`;
    case 'IPAM_ERR_INVALID_IP_RANGE':
      return t.expected !== undefined
        ? `invalid ip-range ${t.ipRange}: it should be ${t.expected}`
        : `invalid ip-range ${t.ipRange}: parent subnet ${t.subnet ?? '(none)'} doesn't contain ip-range`;
    case 'IPAM_ERR_INVALID_GATEWAY':
      return `invalid gateway ${t.gateway}: parent subnet ${t.subnet ?? '(none)'} doesn't contain this address`;
    case 'IPAM_ERR_INVALID_POOL_SIZE':
      return `invalid address pool: no predefined pool can be split into /${t.size} subnets`;
    case 'IPAM_ERR_UNKNOWN_POOL':
      return `cannot find address pool for poolID:${t.poolId}`;
    case 'IPAM_ERR_ADDRESS_IN_USE':
      return 'Address already in use';
    case 'IPAM_ERR_ADDRESS_OUT_OF_RANGE':
      return 'requested address is out of range';
    case 'IPAM_ERR_NO_AVAILABLE_IPS':
      return "no available IPv4 addresses on this network's address pools";
  }
}
