import { describe, expect, it } from 'vitest';
import { checkHostCapacity } from '../src/checks/node-addresses.js';
import { MAX_HOST_ADDRESSES } from '../src/node-addresses.js';
import type { ParsedConfig } from '../src/parsed-config.js';
import { Problems } from '../src/problem.js';
import { defaultClusterSpec, NodeCountError, parseClusterConfig } from '../src/index.js';
import { errorsOf, MANAGER } from './helpers.js';

/** A config with one manager and `count - 1` workers, then `extra` (more top-level sections). */
function nodesFile(count: number, extra = ''): string {
  const workers = Array.from({ length: count - 1 }, (_, i) => `  - name: node-${i + 2}\n`).join('');
  return `${MANAGER}${workers}${extra}`;
}

/** What `f` throws (undefined when it returns). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}

// Ingress (the pool's first block) must hold an address per node: a /16 for the big files here.
const WIDE_POOL = 'defaultAddressPools: [{ base: 10.0.0.0/8, size: 16 }]\n';

/** [code, path, line] of each error of `text`. */
function problemsOf(text: string): [string, string, number][] {
  return errorsOf(text).map((e) => [e.code, e.path, e.line]);
}

describe('underlay subnet', () => {
  it('is 192.168.99.0/24 for a small cluster and grows to a /21 for 300 nodes', () => {
    expect(parseClusterConfig(nodesFile(3)).nodes.map((n) => [n.underlayIp, n.underlayPrefix])).toEqual([
      ['192.168.99.100', 24],
      ['192.168.99.101', 24],
      ['192.168.99.102', 24]
    ]);
    const big = parseClusterConfig(nodesFile(300, WIDE_POOL)).nodes;
    expect(big.every((n) => n.underlayPrefix === 21)).toBe(true);
    expect(big[299]).toMatchObject({ underlayIp: '192.168.100.143', hostAddress: '127.0.2.46' });
    expect(new Set(big.map((n) => n.underlayIp)).size).toBe(300);
  });

  it('written as the grown default gives the same spec as leaving it out', () => {
    const written = parseClusterConfig(nodesFile(300, `${WIDE_POOL}underlay: { subnet: 192.168.96.0/21 }\n`));
    expect(written).toStrictEqual(parseClusterConfig(nodesFile(300, WIDE_POOL)));
  });

  it('configured elsewhere starts the defaults at its .100 and holds explicit addresses', () => {
    const text = `${MANAGER}  - { name: n2, underlayIp: 10.1.7.7 }\n  - name: n3\nunderlay:\n  subnet: 10.1.0.0/16\n`;
    expect(parseClusterConfig(text).nodes.map((n) => [n.underlayIp, n.underlayPrefix])).toEqual([
      ['10.1.0.100', 16],
      ['10.1.7.7', 16],
      ['10.1.0.102', 16]
    ]);
  });

  it('refuses a malformed, host-bit, too narrow or too wide subnet and unknown keys', () => {
    expect(problemsOf(`${MANAGER}underlay: { subnet: 10.1.0/16 }\n`)).toEqual([
      ['CONFIG_ERR_INVALID_CIDR', 'underlay.subnet', 4]
    ]);
    expect(problemsOf(`${MANAGER}underlay:\n  subnet: 10.1.0.1/16\n`)).toEqual([
      ['CONFIG_ERR_INVALID_CIDR', 'underlay.subnet', 5]
    ]);
    expect(problemsOf(`${MANAGER}underlay: { subnet: 10.1.1.0/31 }\n`)[0]?.[0]).toBe('CONFIG_ERR_INVALID_CIDR');
    expect(problemsOf(`${MANAGER}underlay: { subnet: 10.0.0.0/7 }\n`)[0]?.[0]).toBe('CONFIG_ERR_INVALID_CIDR');
    expect(problemsOf(`${MANAGER}underlay: { subnet: 10.1.0.0/16, mtu: 1500 }\n`)).toEqual([
      ['CONFIG_ERR_SCHEMA', 'underlay.mtu', 4]
    ]);
    expect(problemsOf(`${MANAGER}underlay: {}\n`)).toEqual([['CONFIG_ERR_SCHEMA', 'underlay.subnet', 4]]);
  });

  it('an error in the underlay or gossip section does not hide that no node is a manager', () => {
    const workers = 'nodes:\n  - name: a\n';
    for (const section of ['underlay: { subnet: nope }\n', 'gossip: { preset: fast }\n']) {
      expect(errorsOf(workers + section).map((e) => e.code)).toContain('CONFIG_ERR_NO_MANAGER');
    }
  });

  it('refuses an explicit underlayIp outside the subnet, or on its network, broadcast or outside-host address', () => {
    const node = (ip: string, underlay = ''): string => `${MANAGER}  - { name: n2, underlayIp: ${ip} }\n${underlay}`;
    expect(problemsOf(node('10.1.1.1'))).toEqual([['CONFIG_ERR_INVALID_ADDRESS', 'nodes[1].underlayIp', 4]]);
    const sub = 'underlay: { subnet: 10.1.1.0/24 }\n';
    for (const ip of ['10.1.2.1', '10.1.1.0', '10.1.1.255', '10.1.1.1']) {
      expect(problemsOf(node(ip, sub))).toEqual([['CONFIG_ERR_INVALID_ADDRESS', 'nodes[1].underlayIp', 4]]);
    }
    expect(problemsOf(node('192.168.99.1'))).toEqual([['CONFIG_ERR_INVALID_ADDRESS', 'nodes[1].underlayIp', 4]]);
    expect(parseClusterConfig(node('10.1.1.254', sub)).nodes[1]?.underlayIp).toBe('10.1.1.254');
  });

  it('refuses more defaulted nodes than a configured subnet holds, at underlay.subnet', () => {
    // A /28 holds .2 … .14: 13 nodes.
    expect(parseClusterConfig(nodesFile(13, 'underlay: { subnet: 10.1.1.0/28 }\n')).nodes).toHaveLength(13);
    expect(problemsOf(nodesFile(14, 'underlay:\n  subnet: 10.1.1.0/28\n'))).toEqual([
      ['CONFIG_ERR_TOO_MANY_NODES', 'underlay.subnet', 18]
    ]);
  });

  it('refuses more defaulted nodes than the widest default holds, at nodes', () => {
    expect(problemsOf(nodesFile(40_092, WIDE_POOL))).toEqual([['CONFIG_ERR_TOO_MANY_NODES', 'nodes', 2]]);
  });

  it('refuses more nodes than ingress holds ingress-sbox addresses, at the pool size or at nodes', () => {
    expect(parseClusterConfig(nodesFile(253)).nodes).toHaveLength(253);
    expect(problemsOf(nodesFile(254))).toEqual([['CONFIG_ERR_TOO_MANY_NODES', 'nodes', 2]]);
    const pools = 'defaultAddressPools:\n  - { base: 10.0.0.0/8, size: 25 }\n';
    expect(problemsOf(nodesFile(126, pools))).toEqual([
      ['CONFIG_ERR_TOO_MANY_NODES', 'defaultAddressPools[0].size', 130]
    ]);
  });

  it('refuses more defaulted host addresses than 127.0.0.0/8 holds', () => {
    // Building a 16-million-node file is not practical; the check only reads the nodes' positions.
    const last = {
      index: MAX_HOST_ADDRESSES,
      value: { name: 'n', role: 'worker', labels: {}, availability: 'active' }
    };
    const problems = new Problems();
    expect(checkHostCapacity({ nodes: [last] } as unknown as ParsedConfig, problems)).toBe(false);
    expect(problems.list.map((p) => [p.code, p.path])).toEqual([['CONFIG_ERR_TOO_MANY_NODES', ['nodes']]]);
    const fits = { ...last, index: MAX_HOST_ADDRESSES - 1 };
    expect(checkHostCapacity({ nodes: [fits] } as unknown as ParsedConfig, new Problems())).toBe(true);
  });
});

describe('defaultClusterSpec(nodes)', () => {
  it('gives the nodes a config file listing them would get', () => {
    const file = `nodes:\n  - { name: node-1, role: manager }\n${nodesFile(300, WIDE_POOL).split('\n').slice(3).join('\n')}`;
    expect(defaultClusterSpec(300).nodes).toStrictEqual(parseClusterConfig(file).nodes);
    expect(defaultClusterSpec(1000).nodes[999]).toMatchObject({ underlayIp: '192.168.103.75', underlayPrefix: 21 });
  });

  it("keeps Docker's /24 pool mask up to 249 nodes, then shortens it so ingress holds every node and web", () => {
    const mask = (n: number) => defaultClusterSpec(n).defaultAddressPools.map((p) => [p.base, p.size]);
    expect(mask(3)).toEqual([['10.0.0.0/8', 24]]);
    expect(mask(249)).toEqual([['10.0.0.0/8', 24]]);
    expect(mask(250)).toEqual([['10.0.0.0/8', 23]]);
    expect(mask(1000)).toEqual([['10.0.0.0/8', 22]]);
    expect(() =>
      parseClusterConfig(nodesFile(300, 'defaultAddressPools: [{ base: 10.0.0.0/8, size: 23 }]\n'))
    ).not.toThrow();
  });

  it('throws NodeCountError for a count that is not a whole number from 1 to 40091', () => {
    expect(defaultClusterSpec(40_091).nodes).toHaveLength(40_091);
    for (const n of [0, -1, 2.5, 40_092]) {
      const err = thrown(() => defaultClusterSpec(n));
      expect(err).toBeInstanceOf(NodeCountError);
      expect((err as NodeCountError).type).toEqual({ code: 'CONFIG_ERR_NODE_COUNT', nodes: n, max: 40_091 });
    }
  });
});
