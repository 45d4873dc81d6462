import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '@swarmsim/cluster';
import { parseClusterConfig } from '@swarmsim/config';

// Property: every cluster config parseClusterConfig accepts also boots. A generated config (nodes with roles,
// labels and availability; overlays and a bridge; services with constraints, ports, endpoint modes and images
// nothing simulates; containers on bridges) boots in-process and converges, except where Swarm itself would
// leave a task pending: a replicated service no node can take waits with Docker's "no suitable node" reason.
// The expected placement comes from the generator's own model of each constraint, not from the product's matcher.

interface NodeModel {
  name: string;
  role: 'manager' | 'worker';
  availability: 'active' | 'pause' | 'drain';
  labels: Record<string, string>;
  underlayIp: string;
}

/** A constraint as written, with the truth the generator knows for each node. */
interface ConstraintModel {
  text: string;
  holds: (n: NodeModel) => boolean;
}

const KINDS = ['hostname', 'role', 'zone', 'os', 'arch', 'ip', 'engine', 'unknown'] as const;
const IMAGES = ['whoami', 'sleep', 'nginx', 'redis:7', 'ghcr.io/acme/api:1.0', 'traefik/whoami:v1.10'];

const nodeArb = fc.record({
  manager: fc.boolean(),
  availability: fc.constantFrom('active', 'active', 'active', 'pause', 'drain'),
  zone: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
  disk: fc.option(fc.constantFrom('ssd', 'hdd'), { nil: undefined })
});
const constraintArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  pick: fc.nat(11),
  negate: fc.boolean(),
  shout: fc.boolean(), // keys and values match case-insensitively (label names excepted)
  spaced: fc.boolean()
});
const portArb = fc.record({
  target: fc.integer({ min: 1, max: 65535 }),
  publish: fc.boolean(),
  host: fc.boolean(),
  udp: fc.boolean()
});
const serviceArb = fc.record({
  image: fc.constantFrom(...IMAGES),
  global: fc.boolean(),
  replicas: fc.nat(3),
  dnsrr: fc.boolean(),
  networks: fc.array(fc.nat(1), { maxLength: 2 }),
  ports: fc.array(portArb, { maxLength: 2 }),
  constraints: fc.array(constraintArb, { maxLength: 2 })
});
const containerArb = fc.record({
  node: fc.nat(3),
  image: fc.constantFrom(...IMAGES),
  networks: fc.constantFrom(['bridge'], ['appnet'], ['bridge', 'appnet']),
  publish: fc.boolean()
});
const planArb = fc.record({
  nodes: fc.array(nodeArb, { minLength: 1, maxLength: 4 }),
  overlays: fc.array(fc.boolean(), { maxLength: 2 }),
  bridge: fc.boolean(),
  services: fc.array(serviceArb, { maxLength: 3 }),
  containers: fc.array(containerArb, { maxLength: 2 })
});
type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function constraintModel(c: Plan['services'][number]['constraints'][number], nodes: NodeModel[]): ConstraintModel {
  const { pick } = c;
  const [key, value, holds]: [string, string, (n: NodeModel) => boolean] = (() => {
    switch (c.kind) {
      case 'hostname': {
        const host = nodes[pick % nodes.length]!.name;
        return ['node.hostname', host, (n: NodeModel) => n.name === host];
      }
      case 'role': {
        const role = pick % 2 === 0 ? 'manager' : 'worker';
        return ['node.role', role, (n: NodeModel) => n.role === role];
      }
      case 'zone': {
        const zone = ['a', 'b', 'c'][pick % 3]!;
        return ['node.labels.zone', zone, (n: NodeModel) => n.labels['zone'] === zone];
      }
      case 'os': // simulated nodes are linux/x86_64, as Docker Engine reports on 64-bit Linux
        return ['node.platform.os', pick % 2 === 0 ? 'linux' : 'windows', () => pick % 2 === 0];
      case 'arch':
        return ['node.platform.arch', pick % 2 === 0 ? 'x86_64' : 'aarch64', () => pick % 2 === 0];
      case 'ip': {
        if (pick % 3 === 0) {
          const ip = nodes[pick % nodes.length]!.underlayIp;
          return ['node.ip', ip, (n: NodeModel) => n.underlayIp === ip];
        }
        const inside = pick % 3 === 1;
        return ['node.ip', inside ? '192.168.99.0/24' : '10.0.0.0/8', () => inside];
      }
      case 'engine': // simulated engines carry no labels
        return ['engine.labels.tier', 'gold', () => false];
      case 'unknown':
        return ['node.colour', 'red', () => false];
    }
  })();
  const op = c.negate ? '!=' : '==';
  // A key the scheduler does not know matches no node, with either operator.
  const truth = c.kind === 'unknown' ? () => false : c.negate ? (n: NodeModel) => !holds(n) : holds;
  const writtenKey = c.shout
    ? key.replace(/^node\.labels\./, 'NODE.LABELS.').replace(/^(node|engine)\.[a-z.]+$/, (k) => k.toUpperCase())
    : key;
  const writtenValue = c.shout ? value.toUpperCase() : value;
  const sep = c.spaced ? ` ${op} ` : op;
  return { text: `${writtenKey}${sep}${writtenValue}`, holds: truth };
}

/** The config object (JSON is YAML) and what the generator expects of each service. */
function build(plan: Plan) {
  let nextPort = 8000; // every published port distinct: conflicts are the config's job, tested elsewhere
  const nodes: NodeModel[] = plan.nodes.map((n, i) => ({
    name: `node-${i + 1}`,
    role: i === 0 || n.manager ? 'manager' : 'worker',
    availability: n.availability as NodeModel['availability'],
    labels: { ...(n.zone === undefined ? {} : { zone: n.zone }), ...(n.disk === undefined ? {} : { disk: n.disk }) },
    underlayIp: `192.168.99.${100 + i}`
  }));
  const overlays = plan.overlays.map((attachable, i) => ({ name: `overnet-${i}`, attachable }));
  const networks = [
    ...overlays,
    ...(plan.bridge ? [{ name: 'appnet', driver: 'bridge', subnet: '192.168.200.0/24' }] : [])
  ];
  const services = plan.services.map((s, i) => {
    const constraints = s.constraints.map((c) => constraintModel(c, nodes));
    // Host-mode ports with several replicas on one node need swarmkit's host-port filter, which is not simulated.
    const hostOk = s.global || s.replicas <= 1;
    const ports = s.ports.map((p) => {
      const host = (p.host && hostOk) || (s.dnsrr && hostOk); // dnsrr cannot publish through ingress
      const published = p.publish || host ? nextPort++ : undefined;
      return {
        target: p.target,
        protocol: p.udp ? 'udp' : 'tcp',
        mode: host ? 'host' : 'ingress',
        ...(published === undefined ? {} : { published })
      };
    });
    const dnsrr = s.dnsrr && ports.every((p) => p.mode === 'host');
    const nets = [...new Set(s.networks.filter((n) => n < overlays.length).map((n) => overlays[n]!.name))];
    const eligible = nodes.filter((n) => n.availability === 'active' && constraints.every((c) => c.holds(n)));
    return {
      config: {
        name: `svc-${i}`,
        image: s.image,
        ...(s.global ? { mode: 'global' } : { replicas: s.replicas }),
        networks: nets,
        endpointMode: dnsrr ? 'dnsrr' : 'vip',
        ports,
        constraints: constraints.map((c) => c.text)
      },
      global: s.global,
      replicas: s.replicas,
      eligible: eligible.map((n) => n.name)
    };
  });
  const containers = plan.containers.map((c, i) => ({
    name: `ctr-${i}`,
    node: nodes[c.node % nodes.length]!.name,
    image: c.image,
    networks: plan.bridge ? c.networks : ['bridge'],
    publish: c.publish ? [`${nextPort++}:80`] : []
  }));
  const config = {
    nodes: nodes.map((n, i) => ({ ...n, ...(i === 0 ? { leader: true } : {}) })),
    networks,
    services: services.map((s) => s.config),
    containers
  };
  return { config, services, containers };
}

describe('every config parseClusterConfig accepts also boots', () => {
  // Issue 8: config accepted this constraint and swarm then refused it at boot; an image without a simulated app
  // was rejected at start and blocked convergence.
  it("boots the issue's config: a node.platform.os constraint and an image nothing simulates", async () => {
    const spec = parseClusterConfig(
      [
        'nodes: [{ name: node-1, role: manager }, { name: node-2 }]',
        'services:',
        '  - { name: web, image: nginx:1.27, replicas: 2, constraints: ["node.platform.os==linux"] }'
      ].join('\n')
    );
    const cluster = await Cluster.start({ spec });
    try {
      await cluster.waitConverged();
      const tasks = await cluster.services.tasks('web');
      expect(tasks.map((t) => t.Status.State)).toEqual(['running', 'running']);
    } finally {
      await cluster.stop();
    }
  });

  it('boots in-process and converges, or leaves an unplaceable task pending with no suitable node', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const { config, services, containers } = build(plan);
        const spec = parseClusterConfig(JSON.stringify(config, null, 2), { file: 'generated.yaml' });
        const cluster = await Cluster.start({ spec });
        try {
          for (const s of services.filter((x) => !x.global && x.replicas > 0 && x.eligible.length === 0)) {
            const tasks = await cluster.services.tasks(s.config.name);
            expect(tasks.map((t) => t.Status.State)).toEqual(Array(s.replicas).fill('pending'));
            for (const t of tasks) expect(t.Status.Err).toMatch(/^no suitable node \(/);
            // Swarm would wait for a node forever; the rest of the config must still converge.
            await cluster.services.remove(s.config.name);
          }
          await cluster.waitConverged();
          const hostOf = new Map((await cluster.swarmNodes.list()).map((n) => [n.ID, n.Description.Hostname]));
          for (const s of services.filter((x) => x.global || x.replicas === 0 || x.eligible.length > 0)) {
            const running = (await cluster.services.tasks(s.config.name)).filter((t) => t.Status.State === 'running');
            const where = running.map((t) => hostOf.get(t.NodeID ?? '') ?? '?');
            if (s.global) expect(where.sort()).toEqual([...s.eligible].sort());
            else expect(where).toHaveLength(s.replicas);
            for (const host of where) expect(s.eligible).toContain(host);
          }
          const placed = await cluster.containers.list();
          for (const c of containers)
            expect(placed.find((p) => p.name === c.name)).toMatchObject({ node: c.node, state: 'running' });
        } finally {
          await cluster.stop();
        }
      }),
      { numRuns: 40 }
    );
  });
});
