import { formatPrefix, parseCidr, parseIpv4, type Ipv4Prefix } from '@swarmsim/addr';
import {
  defaultUnderlaySubnet,
  MAX_DEFAULT_UNDERLAY_NODES,
  MAX_HOST_ADDRESSES,
  outsideHostAddress,
  underlayCapacity
} from '../node-addresses.js';
import type { ParsedConfig } from '../parsed-config.js';
import type { Problems } from '../problem.js';
import { ingressPrefix } from './subnets.js';

// Defaults go by position in the file, so the last entry without an address decides how many are needed.
function positionsNeeded(config: ParsedConfig, key: 'underlayIp' | 'hostAddress'): number {
  const defaulted = config.nodes.filter((n) => n.value[key] === undefined);
  return defaulted.length === 0 ? 0 : defaulted[defaulted.length - 1]!.index + 1;
}

/**
 * The underlay subnet of the nodes: `underlay.subnet`, or the default grown to fit the node count. Undefined
 * (with CONFIG_ERR_TOO_MANY_NODES reported) when the default addresses do not fit, or when `underlay` is invalid.
 */
export function underlayFor(config: ParsedConfig, problems: Problems): Ipv4Prefix | undefined {
  if (config.underlayInvalid) return undefined;
  const needed = positionsNeeded(config, 'underlayIp');
  if (config.underlaySubnet !== undefined) {
    const subnet = parseCidr(config.underlaySubnet)!;
    if (needed <= underlayCapacity(subnet)) return subnet;
    const detail = `${needed} nodes need default addresses but ${config.underlaySubnet} holds ${underlayCapacity(subnet)}`;
    problems.add('CONFIG_ERR_TOO_MANY_NODES', ['underlay', 'subnet'], detail);
    return undefined;
  }
  const subnet = defaultUnderlaySubnet(needed);
  if (subnet === undefined) {
    const detail = `${needed} nodes need default underlay addresses but the default (up to 192.168.0.0/16) holds ${MAX_DEFAULT_UNDERLAY_NODES}: set underlay.subnet`;
    problems.add('CONFIG_ERR_TOO_MANY_NODES', ['nodes'], detail);
  }
  return subnet;
}

/** True when every node without a `hostAddress` gets a default one in 127.0.0.0/8; reports otherwise. */
export function checkHostCapacity(config: ParsedConfig, problems: Problems): boolean {
  const needed = positionsNeeded(config, 'hostAddress');
  if (needed <= MAX_HOST_ADDRESSES) return true;
  const detail = `${needed} nodes need default host addresses but 127.0.0.0/8 holds ${MAX_HOST_ADDRESSES}`;
  problems.add('CONFIG_ERR_TOO_MANY_NODES', ['nodes'], detail);
  return false;
}

/**
 * Every written `underlayIp` is a node address of the underlay subnet: inside it, and neither its network, its
 * broadcast nor network + 1, which is the outside host's (the machine running the simulation, like
 * docker-machine's host-only adapter at 192.168.99.1).
 */
export function checkUnderlayAddresses(config: ParsedConfig, subnet: Ipv4Prefix, problems: Problems): void {
  const where = config.underlaySubnet === undefined ? ' (the default; set underlay.subnet)' : '';
  for (const { index, value } of config.nodes) {
    if (value.underlayIp === undefined) continue;
    const ip = parseIpv4(value.underlayIp)!;
    const path = ['nodes', index, 'underlayIp'];
    const cidr = formatPrefix(subnet);
    if (ip < subnet.start || ip > subnet.end) {
      problems.add('CONFIG_ERR_INVALID_ADDRESS', path, `underlayIp ${value.underlayIp} is not in ${cidr}${where}`);
    } else if (ip === subnet.start || ip === subnet.end) {
      const which = ip === subnet.start ? 'network' : 'broadcast';
      problems.add(
        'CONFIG_ERR_INVALID_ADDRESS',
        path,
        `underlayIp ${value.underlayIp} is the ${which} address of ${cidr}`
      );
    } else if (ip === outsideHostAddress(subnet)) {
      const detail = `underlayIp ${value.underlayIp} is the outside host's (the machine running the simulation) in ${cidr}`;
      problems.add('CONFIG_ERR_INVALID_ADDRESS', path, detail);
    }
  }
}

/**
 * Ingress holds the gateway and one ingress-sbox address per node, allocated at join. swarmkit joins the extra nodes
 * without one (allocateNode logs "Failed to allocate network resources for node", manager/allocator/network.go);
 * the simulator's join fails instead, so the file is refused here with the flag that fixes it.
 */
export function checkIngressCapacity(config: ParsedConfig, problems: Problems): void {
  const ingress = ingressPrefix(config);
  const nodes = config.nodes.length;
  // Network, broadcast and gateway addresses are not the nodes'.
  const holds = ingress === undefined ? Infinity : ingress.end - ingress.start - 2;
  if (nodes <= holds) return;
  const detail =
    `${nodes} nodes need one ingress address each but ingress ${formatPrefix(ingress!)} holds ${holds}: ` +
    'lower defaultAddressPools[0].size (docker swarm init --default-addr-pool-mask-length)';
  const path = config.pools.length > 0 ? ['defaultAddressPools', config.pools[0]!.index, 'size'] : ['nodes'];
  problems.add('CONFIG_ERR_TOO_MANY_NODES', path, detail);
}
