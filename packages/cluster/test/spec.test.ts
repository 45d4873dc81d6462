import { describe, it, expect } from 'vitest';
import { defaultClusterSpec } from '@swarmsim/config';
import { specOf, toServiceSpec } from '../src/spec.js';

describe('spec helpers', () => {
  it('resize the default spec: node-1 leader manager, the rest workers on consecutive addresses', () => {
    const spec = specOf({ nodes: 4 });
    expect(spec.nodes.map((n) => [n.name, n.role, n.leader, n.underlayIp])).toEqual([
      ['node-1', 'manager', true, '192.168.99.100'],
      ['node-2', 'worker', false, '192.168.99.101'],
      ['node-3', 'worker', false, '192.168.99.102'],
      ['node-4', 'worker', false, '192.168.99.103']
    ]);
    expect(spec.services).toEqual(defaultClusterSpec().services);
    expect(specOf({ nodes: 300 }).nodes).toStrictEqual(defaultClusterSpec(300).nodes);
  });

  it('turn a config service into the manager spec', () => {
    const web = defaultClusterSpec().services[0]!;
    expect(toServiceSpec({ ...web, constraints: [{ key: 'node.role', operator: '!=', value: 'manager' }] })).toEqual({
      name: 'web',
      image: 'whoami',
      mode: 'replicated',
      replicas: 3,
      networks: ['overnet'],
      endpointMode: 'vip',
      ports: [{ targetPort: 80, publishedPort: 8080, protocol: 'tcp', publishMode: 'ingress' }],
      constraints: ['node.role!=manager'],
      restartPolicy: { condition: 'any', delayMs: 5000, maxAttempts: 0 },
      updateConfig: { parallelism: 1, delayMs: 0, order: 'stop-first' }
    });
  });
});
