import type { ClusterSpec, NodeSpec, ServiceSpec } from './types.js';

function node(i: number, role: NodeSpec['role']): NodeSpec {
  return {
    name: `node-${i + 1}`,
    role,
    leader: i === 0,
    labels: {},
    availability: 'active',
    underlayIp: `192.168.99.${100 + i}`,
    hostAddress: `127.0.1.${i + 1}`
  };
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
 * The demo cluster (and what the repository's `cluster.config.yaml` parses to): node-1 manager and leader,
 * node-2 and node-3 workers, an attachable overlay `overnet`, service `web` (whoami ×3, 8080:80), preset `local`.
 */
export function defaultClusterSpec(): ClusterSpec {
  return {
    nodes: [node(0, 'manager'), node(1, 'worker'), node(2, 'worker')],
    gossip: { preset: 'local', overrides: {} },
    defaultAddressPools: [{ base: '10.0.0.0/8', size: 24 }],
    networks: [{ name: 'overnet', driver: 'overlay', attachable: true, internal: false }],
    services: [web()],
    containers: []
  };
}
