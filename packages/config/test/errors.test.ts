import { describe, expect, it } from 'vitest';
import { SwarmsimError } from '@swarmsim/interface';
import { ConfigError, ConfigErrors, parseClusterConfig } from '../src/index.js';
import { errorsOf, MANAGER } from './helpers.js';

// MANAGER is lines 1–3, so fixture lines below start at 4.
const cases: { name: string; text: string; code: string; line: number; at: string; path: string }[] = [
  { name: 'YAML syntax', text: 'nodes: [\n  a: b\n', code: 'CONFIG_ERR_YAML', line: 3, at: '', path: '' },
  {
    name: 'duplicate YAML key',
    text: `${MANAGER}    role: worker\n`,
    code: 'CONFIG_ERR_YAML',
    line: 4,
    at: 'role',
    path: ''
  },
  {
    name: 'wrong type',
    text: `${MANAGER}services:\n  - { name: s, image: i, replicas: -1 }\n`,
    code: 'CONFIG_ERR_SCHEMA',
    line: 5,
    at: '-1',
    path: 'services[0].replicas'
  },
  {
    name: 'unknown key',
    text: `${MANAGER}    colour: red\n`,
    code: 'CONFIG_ERR_SCHEMA',
    line: 4,
    at: 'colour',
    path: 'nodes[0].colour'
  },
  {
    name: 'missing required key',
    text: `${MANAGER}services:\n  - name: s\n`,
    code: 'CONFIG_ERR_SCHEMA',
    line: 5,
    at: 'name: s',
    path: 'services[0].image'
  },
  {
    name: 'replicas with global',
    text: `${MANAGER}services:\n  - { name: s, image: i, mode: global, replicas: 2 }\n`,
    code: 'CONFIG_ERR_SCHEMA',
    line: 5,
    at: '2 }',
    path: 'services[0].replicas'
  },
  {
    name: 'bad CIDR',
    text: `${MANAGER}networks:\n  - name: n\n    subnet: 10.0.300.0/24\n`,
    code: 'CONFIG_ERR_INVALID_CIDR',
    line: 6,
    at: '10.0.300',
    path: 'networks[0].subnet'
  },
  {
    name: 'host bits in subnet',
    text: `${MANAGER}networks:\n  - { name: n, subnet: 10.1.1.5/24 }\n`,
    code: 'CONFIG_ERR_INVALID_CIDR',
    line: 5,
    at: '10.1.1.5',
    path: 'networks[0].subnet'
  },
  {
    name: 'ipRange outside subnet',
    text: `${MANAGER}networks:\n  - { name: n, subnet: 10.1.1.0/24, ipRange: 10.1.2.0/25 }\n`,
    code: 'CONFIG_ERR_INVALID_CIDR',
    line: 5,
    at: '10.1.2.0/25',
    path: 'networks[0].ipRange'
  },
  {
    name: 'gateway outside subnet',
    text: `${MANAGER}networks:\n  - { name: n, subnet: 10.1.1.0/24, gateway: 10.1.2.1 }\n`,
    code: 'CONFIG_ERR_INVALID_ADDRESS',
    line: 5,
    at: '10.1.2.1',
    path: 'networks[0].gateway'
  },
  {
    name: 'bad underlay IP',
    text: `${MANAGER}    underlayIp: 192.168.1\n`,
    code: 'CONFIG_ERR_INVALID_ADDRESS',
    line: 4,
    at: '192',
    path: 'nodes[0].underlayIp'
  },
  {
    name: 'pool size',
    text: `${MANAGER}defaultAddressPools:\n  - { base: 10.20.0.0/16, size: 30 }\n`,
    code: 'CONFIG_ERR_INVALID_POOL_SIZE',
    line: 5,
    at: '30',
    path: 'defaultAddressPools[0].size'
  },
  {
    name: 'overlapping subnets',
    text: `${MANAGER}networks:\n  - { name: a, subnet: 10.5.0.0/16 }\n  - { name: b, subnet: 10.5.3.0/24 }\n`,
    code: 'CONFIG_ERR_OVERLAPPING_SUBNET',
    line: 6,
    at: '10.5.3.0',
    path: 'networks[1].subnet'
  },
  {
    name: 'overlay over ingress',
    text: `${MANAGER}networks:\n  - { name: a, subnet: 10.0.0.0/16 }\n`,
    code: 'CONFIG_ERR_OVERLAPPING_SUBNET',
    line: 5,
    at: '10.0.0.0/16',
    path: 'networks[0].subnet'
  },
  {
    name: 'bridge over docker0',
    text: `${MANAGER}networks:\n  - { name: a, driver: bridge, subnet: 172.17.5.0/24 }\n`,
    code: 'CONFIG_ERR_OVERLAPPING_SUBNET',
    line: 5,
    at: '172.17',
    path: 'networks[0].subnet'
  },
  {
    name: 'invalid name',
    text: `${MANAGER}  - name: _node\n`,
    code: 'CONFIG_ERR_INVALID_NAME',
    line: 4,
    at: '_node',
    path: 'nodes[1].name'
  },
  {
    name: 'service name that is no DNS label',
    text: `${MANAGER}services:\n  - { name: "bad name!", image: i }\n`,
    code: 'CONFIG_ERR_INVALID_NAME',
    line: 5,
    at: '"bad name!"',
    path: 'services[0].name'
  },
  {
    name: 'service name with a dot (fine for a container, not a DNS label)',
    text: `${MANAGER}services:\n  - { name: web.v2, image: i }\n`,
    code: 'CONFIG_ERR_INVALID_NAME',
    line: 5,
    at: 'web.v2',
    path: 'services[0].name'
  },
  {
    name: 'duplicate name',
    text: `${MANAGER}  - name: node-1\n`,
    code: 'CONFIG_ERR_DUPLICATE_NAME',
    line: 4,
    at: 'node-1',
    path: 'nodes[1].name'
  },
  {
    name: 'predefined network name',
    text: `${MANAGER}networks:\n  - name: ingress\n`,
    code: 'CONFIG_ERR_DUPLICATE_NAME',
    line: 5,
    at: 'ingress',
    path: 'networks[0].name'
  },
  {
    name: 'duplicate address',
    text: `${MANAGER}  - { name: n2, hostAddress: 127.0.1.1 }\n`,
    code: 'CONFIG_ERR_DUPLICATE_ADDRESS',
    line: 4,
    at: '127.0.1.1',
    path: 'nodes[1].hostAddress'
  },
  {
    name: 'invalid port number',
    text: `${MANAGER}services:\n  - { name: s, image: i, ports: [{ target: 70000 }] }\n`,
    code: 'CONFIG_ERR_INVALID_PORT',
    line: 5,
    at: '70000',
    path: 'services[0].ports[0].target'
  },
  {
    name: 'invalid short port',
    text: `${MANAGER}services:\n  - { name: s, image: i, ports: ["80:x"] }\n`,
    code: 'CONFIG_ERR_INVALID_PORT',
    line: 5,
    at: '"80:x"',
    path: 'services[0].ports[0]'
  },
  {
    name: 'invalid duration',
    text: `${MANAGER}services:\n  - { name: s, image: i, restartPolicy: { delay: soon } }\n`,
    code: 'CONFIG_ERR_INVALID_DURATION',
    line: 5,
    at: 'soon',
    path: 'services[0].restartPolicy.delay'
  },
  {
    name: 'image Docker could not pull',
    text: `${MANAGER}services:\n  - { name: s, image: "Nginx:latest" }\n`,
    code: 'CONFIG_ERR_INVALID_IMAGE',
    line: 5,
    at: '"Nginx',
    path: 'services[0].image'
  },
  {
    name: 'invalid constraint',
    text: `${MANAGER}services:\n  - { name: s, image: i, constraints: ["node.colour=red"] }\n`,
    code: 'CONFIG_ERR_INVALID_CONSTRAINT',
    line: 5,
    at: '"node.colour',
    path: 'services[0].constraints[0]'
  },
  {
    name: 'service on unknown network',
    text: `${MANAGER}services:\n  - { name: s, image: i, networks: [ghost] }\n`,
    code: 'CONFIG_ERR_UNKNOWN_REFERENCE',
    line: 5,
    at: 'ghost',
    path: 'services[0].networks[0]'
  },
  {
    name: 'service on a bridge network',
    text: `${MANAGER}networks: [{ name: b, driver: bridge }]\nservices:\n  - { name: s, image: i, networks: [b] }\n`,
    code: 'CONFIG_ERR_UNKNOWN_REFERENCE',
    line: 6,
    at: 'b]',
    path: 'services[0].networks[0]'
  },
  {
    name: 'container on unknown node',
    text: `${MANAGER}containers:\n  - { name: c, image: i, node: node-9 }\n`,
    code: 'CONFIG_ERR_UNKNOWN_REFERENCE',
    line: 5,
    at: 'node-9',
    path: 'containers[0].node'
  },
  {
    name: 'container on non-attachable overlay',
    text: `${MANAGER}networks: [{ name: o }]\ncontainers:\n  - { name: c, image: i, node: node-1, networks: [o] }\n`,
    code: 'CONFIG_ERR_UNKNOWN_REFERENCE',
    line: 6,
    at: 'o]',
    path: 'containers[0].networks[0]'
  },
  {
    name: 'container on an attachable overlay (no overlay data plane yet)',
    text: `${MANAGER}networks: [{ name: o, attachable: true }]\ncontainers:\n  - { name: c, image: i, node: node-1, networks: [bridge, o] }\n`,
    code: 'CONFIG_ERR_UNSUPPORTED',
    line: 6,
    at: 'o]',
    path: 'containers[0].networks[1]'
  },
  {
    name: 'service explicitly on ingress',
    text: `${MANAGER}services:\n  - { name: s, image: i, networks: [ingress] }\n`,
    code: 'CONFIG_ERR_UNKNOWN_REFERENCE',
    line: 5,
    at: 'ingress]',
    path: 'services[0].networks[0]'
  },
  {
    name: 'container ip without subnet',
    text: `${MANAGER}containers:\n  - { name: c, image: i, node: node-1, ip: 172.17.0.9 }\n`,
    code: 'CONFIG_ERR_INVALID_ADDRESS',
    line: 5,
    at: '172.17.0.9',
    path: 'containers[0].ip'
  },
  {
    name: 'ingress port conflict',
    text: `${MANAGER}services:\n  - { name: x, image: i, ports: ["8080:80"] }\n  - { name: y, image: i, ports: ["8080:81"] }\n`,
    code: 'CONFIG_ERR_PORT_CONFLICT',
    line: 6,
    at: '"8080:81"',
    path: 'services[1].ports[0]'
  },
  {
    name: 'container port vs ingress',
    text: `${MANAGER}services:\n  - { name: x, image: i, ports: ["8080:80"] }\ncontainers:\n  - { name: c, image: i, node: node-1, publish: ["8080:80"] }\n`,
    code: 'CONFIG_ERR_PORT_CONFLICT',
    line: 7,
    at: '"8080:80"',
    path: 'containers[0].publish[0]'
  },
  {
    name: 'dnsrr with ingress port',
    text: `${MANAGER}services:\n  - name: s\n    image: i\n    endpointMode: dnsrr\n    ports:\n      - "8080:80"\n`,
    code: 'CONFIG_ERR_DNSRR_INGRESS',
    line: 9,
    at: '"8080:80"',
    path: 'services[0].ports[0]'
  },
  {
    name: 'no manager',
    text: 'nodes:\n  - name: a\n',
    code: 'CONFIG_ERR_NO_MANAGER',
    line: 2,
    at: '- name',
    path: 'nodes'
  },
  {
    name: 'leader on a worker',
    text: `${MANAGER}  - { name: w, leader: true }\n`,
    code: 'CONFIG_ERR_INVALID_LEADER',
    line: 4,
    at: 'true',
    path: 'nodes[1].leader'
  }
];

describe('config errors', () => {
  // The column is where `at` starts on that line, so fixtures need no hand-counted columns.
  it.each(cases)('$name → $code at line $line', ({ text, code, line, at, path }) => {
    const col = (text.split('\n')[line - 1] ?? '').indexOf(at) + 1;
    const errors = errorsOf(text);
    expect(errors.map((e) => e.code)).toContain(code);
    expect(errors.find((e) => e.code === code)).toMatchObject({ line, col, path, file: 'test.yaml' });
  });

  it('reports every error of a file together, in source order', () => {
    const errors = errorsOf(`nodes:
  - name: -a
  - { name: b, role: boss }
networks:
  - { name: n, subnet: 10.0.0.0/33 }
services:
  - { name: s, image: i, replicas: x }
  - { name: t, image: i, networks: [ghost] }
colour: red
`);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['CONFIG_ERR_INVALID_NAME', 2],
      ['CONFIG_ERR_SCHEMA', 3],
      ['CONFIG_ERR_INVALID_CIDR', 5],
      ['CONFIG_ERR_SCHEMA', 7],
      ['CONFIG_ERR_UNKNOWN_REFERENCE', 8],
      ['CONFIG_ERR_SCHEMA', 9]
    ]);
  });

  it('throws a ConfigErrors aggregate of ConfigError, both SwarmsimErrors with metadata', () => {
    expect.assertions(6);
    try {
      parseClusterConfig('nodes: 3\n', { file: 'x.yaml' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigErrors);
      expect(err).toBeInstanceOf(SwarmsimError);
      const agg = err as ConfigErrors;
      expect(agg.type).toEqual({ code: 'CONFIG_ERR_INVALID', file: 'x.yaml', count: 1 });
      expect(agg.errors[0]).toBeInstanceOf(ConfigError);
      expect(agg.errors[0]?.type).toEqual({
        code: 'CONFIG_ERR_SCHEMA',
        file: 'x.yaml',
        line: 1,
        col: 8,
        path: 'nodes'
      });
      // The message is a compiler-style location prefix: editors and terminals make it clickable.
      expect(agg.errors[0]?.message.startsWith('x.yaml:1:8: nodes: ')).toBe(true);
    }
  });

  it('refuses alias bombs as YAML errors instead of expanding them', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 9 },
        (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`
      )
    ].join('\n');
    expect(errorsOf(bomb).map((e) => e.code)).toEqual(['CONFIG_ERR_YAML']);
  });
});
