import { formatPrefix, prefixContains, type Ipv4Prefix, type Ipv4Range } from '../prefix.js';
import { ipamAddress, parseNetworkPrefix, parseWrittenPrefix } from './cidr.js';
import { IpamError } from './errors.js';
import type { IpamPoolRequest } from './types.js';

/** A {@link IpamPoolRequest} validated and converted to numbers. */
export interface ResolvedRequest {
  /** Explicit subnet; undefined ⇒ pick a predefined one. */
  readonly subnet?: Ipv4Prefix;
  readonly ipRange?: Ipv4Prefix;
  readonly gateway?: number;
  readonly prefixLength?: number;
  readonly exclude: readonly Ipv4Range[];
  readonly serial?: boolean;
}

/**
 * Checks a pool request the way dockerd's validateIpamConfig and libnetwork's RequestPool do, before
 * anything is allocated: canonical subnet, ip-range inside it, gateway inside it.
 */
export function resolvePoolRequest(request: IpamPoolRequest): ResolvedRequest {
  let subnet = request.subnet === undefined ? undefined : parseNetworkPrefix(request.subnet);
  let prefixLength = checkPrefixLength(request.prefixLength);
  // libnetwork RequestPool: an unspecified address (0.0.0.0/N) asks for a predefined subnet of size /N.
  if (subnet !== undefined && subnet.start === 0) {
    prefixLength ??= subnet.prefixLength > 0 ? subnet.prefixLength : undefined;
    subnet = undefined;
  }
  return {
    ...(subnet ? { subnet } : {}),
    ...(prefixLength !== undefined ? { prefixLength } : {}),
    ...(request.ipRange !== undefined ? { ipRange: resolveIpRange(request.ipRange, subnet) } : {}),
    ...(request.gateway !== undefined ? { gateway: resolveGateway(request.gateway, subnet) } : {}),
    ...(request.serial !== undefined ? { serial: request.serial } : {}),
    exclude: (request.exclude ?? []).map(parseWrittenPrefix)
  };
}

/** A requested predefined-subnet size: an integer 0…32, where 0 means "each pool's own size". */
function checkPrefixLength(prefixLength: number | undefined): number | undefined {
  if (prefixLength === undefined) return undefined;
  if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) {
    throw new IpamError({ code: 'IPAM_ERR_INVALID_POOL_SIZE', size: prefixLength });
  }
  return prefixLength === 0 ? undefined : prefixLength;
}

/** `--ip-range` must be canonical and inside `--subnet` (daemon/network.go validateIPRange). */
function resolveIpRange(ipRange: string, subnet: Ipv4Prefix | undefined): Ipv4Prefix {
  const range = parseWrittenPrefix(ipRange);
  if (range.written !== range.start) {
    throw new IpamError({ code: 'IPAM_ERR_INVALID_IP_RANGE', ipRange, expected: formatPrefix(range) });
  }
  if (subnet === undefined || !prefixContains(subnet, range)) {
    throw new IpamError({
      code: 'IPAM_ERR_INVALID_IP_RANGE',
      ipRange,
      ...(subnet ? { subnet: formatPrefix(subnet) } : {})
    });
  }
  return { start: range.start, end: range.end, prefixLength: range.prefixLength };
}

/** `--gateway` must lie inside `--subnet` (it may be outside the ip-range). */
function resolveGateway(gateway: string, subnet: Ipv4Prefix | undefined): number {
  const address = ipamAddress(gateway);
  if (subnet === undefined || address < subnet.start || address > subnet.end) {
    throw new IpamError({
      code: 'IPAM_ERR_INVALID_GATEWAY',
      gateway,
      ...(subnet ? { subnet: formatPrefix(subnet) } : {})
    });
  }
  return address;
}
