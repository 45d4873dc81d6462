import { formatIpv4, parseCidr, parseIpv4, type Ipv4Prefix } from '@swarmsim/addr';

// docker-machine's VirtualBox host-only network: the host at 192.168.99.1/24, machines from its DHCP range
// .100–.254 (docker/machine drivers/virtualbox/virtualbox.go: defaultHostOnlyCIDR, setupHostOnlyNetwork).
const DOCKER_MACHINE_FIRST = parseIpv4('192.168.99.100')!;
// Widening stops at 192.168.0.0/16 so the default underlay stays inside one RFC 1918 block, as a lab's would.
const WIDEST_DEFAULT_PREFIX = 16;
// Within a subnet narrower than a /24 there is no .100: defaults start after the outside host's address.
const FIRST_OFFSET_IN_NARROW_SUBNET = 2;
const FIRST_OFFSET = 100;

/**
 * The first default node address of an underlay: 192.168.99.100 when the subnet holds it (so widening the
 * default keeps every address), else the subnet's .100 like docker-machine, or network + 2 below a /24.
 */
export function firstUnderlayAddress(subnet: Ipv4Prefix): number {
  // Strictly between the outside host (network + 1) and the broadcast, so it is a node's address there.
  if (subnet.start + 1 < DOCKER_MACHINE_FIRST && DOCKER_MACHINE_FIRST < subnet.end) return DOCKER_MACHINE_FIRST;
  return subnet.start + (subnet.prefixLength <= 24 ? FIRST_OFFSET : FIRST_OFFSET_IN_NARROW_SUBNET);
}

/** How many consecutive default addresses the subnet holds from its first one, up to (not) its broadcast. */
export function underlayCapacity(subnet: Ipv4Prefix): number {
  return Math.max(0, subnet.end - firstUnderlayAddress(subnet));
}

/** The default underlay address of the node at `index` (0-based position), or undefined when it does not fit. */
export function underlayAddressAt(subnet: Ipv4Prefix, index: number): string | undefined {
  return index < underlayCapacity(subnet) ? formatIpv4(firstUnderlayAddress(subnet) + index) : undefined;
}

/**
 * The default underlay for `count` positions: 192.168.99.0/24 up to 155, else the narrowest prefix around
 * 192.168.99.100 that holds them all (a /21 up to 1179, …); undefined beyond what 192.168.0.0/16 holds.
 */
export function defaultUnderlaySubnet(count: number): Ipv4Prefix | undefined {
  for (let len = 24; len >= WIDEST_DEFAULT_PREFIX; len--) {
    const size = 2 ** (32 - len);
    const start = DOCKER_MACHINE_FIRST - (DOCKER_MACHINE_FIRST % size);
    const subnet = { start, end: start + size - 1, prefixLength: len };
    if (count <= underlayCapacity(subnet)) return subnet;
  }
  return undefined;
}

/** How many nodes the widest default underlay holds (192.168.99.100 … 192.168.255.254). */
export const MAX_DEFAULT_UNDERLAY_NODES = underlayCapacity(parseCidr('192.168.0.0/16')!);

/** The address of the machine running the simulation on the underlay (the `outside` namespace): network + 1. */
export function outsideHostAddress(subnet: Ipv4Prefix): number {
  return subnet.start + 1;
}

// 127.0.1.1 onward, .1–.254 of each /24, up to 127.255.255.254: never .0 or .255, which some stacks refuse.
const FIRST_HOST_BLOCK = parseIpv4('127.0.1.0')!;
const LOOPBACK_END = parseIpv4('127.255.255.255')!;
const HOSTS_PER_BLOCK = 254;
/** How many default host addresses 127.0.0.0/8 holds (127.0.1.1 … 127.255.255.254, 254 per /24). */
export const MAX_HOST_ADDRESSES = ((LOOPBACK_END + 1 - FIRST_HOST_BLOCK) / 256) * HOSTS_PER_BLOCK;

/** The default loopback address of the node at `index`: 127.0.1.(index+1), continuing 127.0.1.254 → 127.0.2.1. */
export function hostAddressAt(index: number): string | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_HOST_ADDRESSES) return undefined;
  const block = Math.floor(index / HOSTS_PER_BLOCK);
  return formatIpv4(FIRST_HOST_BLOCK + block * 256 + 1 + (index % HOSTS_PER_BLOCK));
}
