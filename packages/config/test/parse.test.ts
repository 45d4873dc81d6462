import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultClusterSpec, parseClusterConfig } from '../src/index.js';
import { MANAGER } from './helpers.js';

describe('parseClusterConfig', () => {
  it('parses the repository cluster.config.yaml to exactly defaultClusterSpec()', () => {
    const text = readFileSync(new URL('../../../cluster.config.yaml', import.meta.url), 'utf8');
    expect(parseClusterConfig(text, { file: 'cluster.config.yaml' })).toStrictEqual(defaultClusterSpec());
  });

  it('applies node defaults by position: role worker, underlay 192.168.99.100+i, host 127.0.1.(i+1)', () => {
    const spec = parseClusterConfig(`${MANAGER}  - name: node-2\n  - name: node-3\n    labels: { zone: a, rack: 7 }\n`);
    expect(spec.nodes.map((n) => [n.role, n.underlayIp, n.hostAddress, n.availability])).toEqual([
      ['manager', '192.168.99.100', '127.0.1.1', 'active'],
      ['worker', '192.168.99.101', '127.0.1.2', 'active'],
      ['worker', '192.168.99.102', '127.0.1.3', 'active']
    ]);
    expect(spec.nodes[2]?.labels).toEqual({ zone: 'a', rack: '7' });
  });

  it('makes the first manager the leader unless one is flagged', () => {
    const nodes =
      'nodes:\n  - { name: a, role: worker }\n  - { name: b, role: manager }\n  - { name: c, role: manager }\n';
    expect(parseClusterConfig(nodes).nodes.map((n) => n.leader)).toEqual([false, true, false]);
    const flagged = nodes.replace('{ name: c, role: manager }', '{ name: c, role: manager, leader: true }');
    expect(parseClusterConfig(flagged).nodes.map((n) => n.leader)).toEqual([false, false, true]);
  });

  it('keeps explicit addresses and carries defaults past .255 in a subnet grown to hold them', () => {
    const many = Array.from({ length: 157 }, (_, i) => `  - name: n${i}\n`).join('');
    const spec = parseClusterConfig(
      `nodes:\n  - { name: m, role: manager, underlayIp: 192.168.97.1, hostAddress: 127.0.0.5 }\n${many}`
    );
    expect(spec.nodes[0]).toMatchObject({ underlayIp: '192.168.97.1', hostAddress: '127.0.0.5', underlayPrefix: 21 });
    expect(spec.nodes[156]).toMatchObject({ underlayIp: '192.168.100.0', underlayPrefix: 21 });
  });

  it('reads service short and long port forms', () => {
    const spec = parseClusterConfig(`${MANAGER}services:
  - name: s
    image: i
    ports: ["8080:80", "53:53/udp", "90", 91, { target: 443, published: 8443, mode: host }]
`);
    expect(spec.services[0]?.ports).toEqual([
      { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' },
      { published: 53, target: 53, protocol: 'udp', mode: 'ingress' },
      { target: 90, protocol: 'tcp', mode: 'ingress' },
      { target: 91, protocol: 'tcp', mode: 'ingress' },
      { published: 8443, target: 443, protocol: 'tcp', mode: 'host' }
    ]);
  });

  it('reads container publish forms, networks default to bridge', () => {
    const spec = parseClusterConfig(`${MANAGER}containers:
  - { name: c, node: node-1, image: nginx, publish: ["8080:80", "80", "127.0.1.1:9090:90/udp", "127.0.1.1::70"] }
`);
    expect(spec.containers[0]).toEqual({
      name: 'c',
      node: 'node-1',
      image: 'nginx',
      networks: ['bridge'],
      publish: [
        { hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.1.1', hostPort: 9090, containerPort: 90, protocol: 'udp' },
        { hostIp: '127.0.1.1', containerPort: 70, protocol: 'tcp' }
      ]
    });
  });

  it('resolves service defaults, global mode, constraints and durations', () => {
    const spec = parseClusterConfig(`${MANAGER}services:
  - name: g
    image: i
    mode: global
    constraints: ["node.role==worker", "node.labels.zone == a", "node.hostname!=node-1"]
    restartPolicy: { condition: on-failure, delay: 1m30s, maxAttempts: 3 }
    updateConfig: { parallelism: 2, delay: 500ms, order: start-first }
  - { name: r, image: i }
`);
    const [g, r] = spec.services;
    expect(g?.mode).toEqual({ type: 'global' });
    expect(g?.constraints).toEqual([
      { key: 'node.role', operator: '==', value: 'worker' },
      { key: 'node.labels.zone', operator: '==', value: 'a' },
      { key: 'node.hostname', operator: '!=', value: 'node-1' }
    ]);
    expect(g?.restartPolicy).toEqual({ condition: 'on-failure', delayMs: 90_000, maxAttempts: 3, windowMs: 0 });
    expect(g?.updateConfig).toMatchObject({ parallelism: 2, delayMs: 500, order: 'start-first' });
    expect(r).toMatchObject({
      mode: { type: 'replicated', replicas: 1 },
      endpointMode: 'vip',
      networks: [],
      ports: []
    });
  });

  it('defaults gossip to lan and the pool to 10.0.0.0/8 split in /24; keeps overrides', () => {
    expect(parseClusterConfig(MANAGER)).toMatchObject({
      gossip: { preset: 'lan', overrides: {} },
      defaultAddressPools: [{ base: '10.0.0.0/8', size: 24 }],
      networks: [],
      services: [],
      containers: []
    });
    const spec = parseClusterConfig(
      `${MANAGER}gossip: { preset: local, probeIntervalMs: 300 }\ndefaultAddressPools: [{ base: 10.20.0.0/16 }]\n`
    );
    expect(spec.gossip).toEqual({ preset: 'local', overrides: { probeIntervalMs: 300 } });
    expect(spec.defaultAddressPools).toEqual([{ base: '10.20.0.0/16', size: 24 }]);
  });

  it('accepts networks with subnet, gateway and ipRange, and a container ip inside', () => {
    const spec = parseClusterConfig(`${MANAGER}networks:
  - { name: br, driver: bridge, subnet: 172.30.0.0/16, gateway: 172.30.0.254, ipRange: 172.30.5.0/24 }
containers:
  - { name: c, node: node-1, image: i, networks: [br], ip: 172.30.5.9 }
`);
    expect(spec.networks[0]).toEqual({
      name: 'br',
      driver: 'bridge',
      attachable: false,
      internal: false,
      subnet: '172.30.0.0/16',
      gateway: '172.30.0.254',
      ipRange: '172.30.5.0/24'
    });
    expect(spec.containers[0]?.ip).toBe('172.30.5.9');
  });
});
