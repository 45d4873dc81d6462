import { NodeCountError } from './errors.js';
import type { Ipv4Prefix } from '@swarmsim/addr';
import {
  defaultUnderlaySubnet,
  hostAddressAt,
  MAX_DEFAULT_UNDERLAY_NODES,
  underlayAddressAt
} from './node-addresses.js';
import type { ClusterSpec, NodeSpec, ServiceSpec } from './types.js';

// The same defaults a config file's nodes get (resolve.ts), so a resized demo matches a file listing its nodes.
function node(i: number, underlay: Ipv4Prefix): NodeSpec {
  return {
    name: `node-${i + 1}`,
    role: i === 0 ? 'manager' : 'worker',
    leader: i === 0,
    labels: {},
    availability: 'active',
    underlayIp: underlayAddressAt(underlay, i)!,
    underlayPrefix: underlay.prefixLength,
    hostAddress: hostAddressAt(i)!
  };
}

// Ingress, the first block of the pool, holds its gateway, one ingress-sbox address per node, web's VIP and its
// 3 tasks. Past 249 nodes a /24 cannot, so the pool's mask shortens just enough, as a large real swarm needs
// `docker swarm init --default-addr-pool-mask-length` (network and broadcast addresses are nobody's).
const INGRESS_ADDRESSES_BESIDE_NODES = 1 + 1 + 3;
const DOCKER_POOL_MASK = 24;

function poolMaskLength(nodes: number): number {
  let len = DOCKER_POOL_MASK;
  while (2 ** (32 - len) - 2 < nodes + INGRESS_ADDRESSES_BESIDE_NODES) len--;
  return len;
}

function web(): ServiceSpec {
  return {
    name: 'web',
    image: 'whoami',
    mode: { type: 'replicated', replicas: 3 },
    networks: ['overnet'],
    endpointMode: 'vip',
    ports: [{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }],
    constraints: [],
    restartPolicy: { condition: 'any', delayMs: 5000, maxAttempts: 0, windowMs: 0 },
    updateConfig: { parallelism: 1, delayMs: 0, order: 'stop-first', failureAction: 'pause', monitorMs: 5000 }
  };
}

/**
 * The demo cluster (with 3 nodes, what the repository's `cluster.config.yaml` parses to): node-1 manager and
 * leader, the other nodes workers, addresses as for a config file's nodes (192.168.99.100+i in a subnet grown to
 * fit, 127.0.1.(i+1) onward), Docker's default pool 10.0.0.0/8 in /24s (shorter masks past 249 nodes, so ingress
 * holds them), an attachable overlay `overnet`, service `web` (whoami ×3, 8080:80), preset `local`.
 * Throws {@link NodeCountError} (CONFIG_ERR_NODE_COUNT) unless `nodes` is a whole number from 1 to the maximum.
 */
export function defaultClusterSpec(nodes = 3): ClusterSpec {
  const underlay = Number.isInteger(nodes) && nodes >= 1 ? defaultUnderlaySubnet(nodes) : undefined;
  if (underlay === undefined) {
    throw new NodeCountError(
      { code: 'CONFIG_ERR_NODE_COUNT', nodes, max: MAX_DEFAULT_UNDERLAY_NODES },
      `cannot build a default cluster of ${nodes} nodes: expected a whole number from 1 to ${MAX_DEFAULT_UNDERLAY_NODES}`
    );
  }
  return {
    nodes: Array.from({ length: nodes }, (_, i) => node(i, underlay)),
    gossip: { preset: 'local', overrides: {} },
    defaultAddressPools: [{ base: '10.0.0.0/8', size: poolMaskLength(nodes) }],
    networks: [{ name: 'overnet', driver: 'overlay', attachable: true, internal: false }],
    services: [web()],
    containers: []
  };
}
