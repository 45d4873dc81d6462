import { formatPrefix, parseCidr, parseIpv4, prefixContains, prefixesOverlap, type Ipv4Prefix } from '@swarmsim/addr';
import { DEFAULT_ADDRESS_POOLS, type ParsedConfig } from '../parsed-config.js';
import type { PathSegment, Problems } from '../problem.js';
import type { NetworkInput } from '../schema/network.js';

interface Claim {
  readonly prefix: Ipv4Prefix;
  readonly owner: string;
  readonly path?: readonly PathSegment[];
}

// Docker: --default-addr-pool-mask-length must be ≥ the pool's prefix and ≤ 29 (daemon/cluster/listen_addr.go).
const MAX_POOL_SIZE = 29;

/** Pool sizes fit their base, and pools do not overlap each other. */
export function checkPools(config: ParsedConfig, problems: Problems): void {
  const claims: Claim[] = [];
  for (const { index, value } of config.pools) {
    const prefix = parseCidr(value.base)!;
    if (value.size < prefix.prefixLength || value.size > MAX_POOL_SIZE) {
      const detail = `invalid size ${value.size} for pool ${value.base}: expected ${prefix.prefixLength}..${MAX_POOL_SIZE}`;
      problems.add('CONFIG_ERR_INVALID_POOL_SIZE', ['defaultAddressPools', index, 'size'], detail);
    }
    claim(
      claims,
      { prefix, owner: `defaultAddressPools[${index}]`, path: ['defaultAddressPools', index, 'base'] },
      problems
    );
  }
}

function claim(claims: Claim[], next: Claim, problems: Problems): void {
  const clash = claims.find((c) => prefixesOverlap(c.prefix, next.prefix));
  if (clash !== undefined && next.path !== undefined) {
    const detail = `${formatPrefix(next.prefix)} overlaps ${formatPrefix(clash.prefix)} of ${clash.owner}`;
    problems.add('CONFIG_ERR_OVERLAPPING_SUBNET', next.path, detail);
  }
  claims.push(next);
}

/** The ingress subnet: Swarm takes the first block of the first default pool at init (10.0.0.0/24 by default). */
export function ingressPrefix(config: ParsedConfig): Ipv4Prefix | undefined {
  const pool = config.pools[0]?.value ?? DEFAULT_ADDRESS_POOLS[0]!;
  const base = parseCidr(pool.base);
  if (base === undefined || pool.size < base.prefixLength || pool.size > 32) return undefined;
  return { start: base.start, end: base.start + 2 ** (32 - pool.size) - 1, prefixLength: pool.size };
}

/** Gateways and ip-ranges sit inside their subnets; subnets of one address space do not overlap. */
export function checkNetworkSubnets(config: ParsedConfig, problems: Problems): void {
  const ingress = ingressPrefix(config);
  // Overlays share the swarm (global) address space with ingress; bridges the local one with docker0.
  const spaces: Record<string, Claim[]> = {
    overlay: ingress === undefined ? [] : [{ prefix: ingress, owner: 'the ingress network' }],
    bridge: [{ prefix: parseCidr('172.17.0.0/16')!, owner: 'the default bridge (docker0)' }]
  };
  for (const { index, value } of config.networks) {
    const path = ['networks', index];
    const subnet = value.subnet === undefined ? undefined : parseCidr(value.subnet)!;
    if (subnet !== undefined)
      claim(
        spaces[value.driver]!,
        { prefix: subnet, owner: `networks[${index}]`, path: [...path, 'subnet'] },
        problems
      );
    checkInsideSubnet(value, subnet, path, problems);
  }
}

function checkInsideSubnet(
  net: NetworkInput,
  subnet: Ipv4Prefix | undefined,
  path: PathSegment[],
  problems: Problems
): void {
  if (net.gateway !== undefined) {
    const gw = parseIpv4(net.gateway)!;
    if (subnet === undefined)
      problems.add('CONFIG_ERR_INVALID_ADDRESS', [...path, 'gateway'], 'a gateway needs a subnet');
    else if (gw < subnet.start || gw > subnet.end) {
      problems.add(
        'CONFIG_ERR_INVALID_ADDRESS',
        [...path, 'gateway'],
        `gateway ${net.gateway} is not in subnet ${net.subnet}`
      );
    }
  }
  if (net.ipRange !== undefined) {
    const range = parseCidr(net.ipRange)!;
    if (subnet === undefined)
      problems.add('CONFIG_ERR_INVALID_CIDR', [...path, 'ipRange'], 'an ipRange needs a subnet');
    else if (!prefixContains(subnet, range)) {
      problems.add(
        'CONFIG_ERR_INVALID_CIDR',
        [...path, 'ipRange'],
        `ipRange ${net.ipRange} is not inside subnet ${net.subnet}`
      );
    }
  }
}
