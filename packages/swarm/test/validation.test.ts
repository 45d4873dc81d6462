import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { Manager, SwarmError, type ServiceSpec, type SwarmErrorType } from '../src/index.js';

function refusal(fn: () => unknown): SwarmErrorType {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SwarmError);
    return (err as SwarmError).type;
  }
  throw new Error('expected a SwarmError');
}

function manager(): Manager {
  const m = new Manager({}, { clock: new ManualClock() });
  m.createNetwork({ name: 'overnet' });
  return m;
}

const spec = (over: Partial<ServiceSpec>): ServiceSpec => ({ name: 'web', image: 'whoami', ...over });

describe('the manager refuses what Docker refuses, storing nothing', () => {
  it.each(['bad name!', '-web', 'web-', 'web.v2', '', 'x'.repeat(64)])('service name %j', (name) => {
    const m = manager();
    expect(refusal(() => m.createService(spec({ name })))).toMatchObject({ code: 'SWARM_ERR_INVALID_NAME', name });
    expect(m.services()).toEqual([]);
  });

  it('accepts DNS-label names up to 63 characters', () => {
    const m = manager();
    for (const name of ['a', 'my_web-1', 'x'.repeat(63)]) m.createService(spec({ name }));
    expect(m.services()).toHaveLength(3);
  });

  it.each([
    [{ targetPort: 70000 }, 'target', 70000],
    [{ targetPort: 0 }, 'target', 0],
    [{ targetPort: 80.5 }, 'target', 80.5],
    [{ targetPort: 80, publishedPort: 70000 }, 'published', 70000],
    [{ targetPort: 80, publishedPort: -1 }, 'published', -1]
  ] as const)('port %j', (port, field, value) => {
    const m = manager();
    expect(refusal(() => m.createService(spec({ ports: [port] })))).toEqual({
      code: 'SWARM_ERR_INVALID_PORT',
      field,
      port: value
    });
    expect(m.services()).toEqual([]);
  });

  it.each(['', 'Bad Image!', 'Nginx', 'nginx:'])('image %j', (image) => {
    const m = manager();
    expect(refusal(() => m.createService(spec({ image })))).toEqual({ code: 'SWARM_ERR_INVALID_IMAGE', image });
    expect(m.services()).toEqual([]);
  });

  it('a port refused on update leaves the service as it was', () => {
    const m = manager();
    m.createService(spec({ ports: [{ targetPort: 80, publishedPort: 8080 }] }));
    expect(refusal(() => m.updateService('web', spec({ ports: [{ targetPort: 70000 }] }))).code).toBe(
      'SWARM_ERR_INVALID_PORT'
    );
    expect(m.services()[0]!.Endpoint.Ports).toMatchObject([{ TargetPort: 80, PublishedPort: 8080 }]);
  });

  it('networks: [ingress], by name or id', () => {
    const m = manager();
    for (const ref of ['ingress', m.ingress.id]) {
      expect(refusal(() => m.createService(spec({ networks: ['overnet', ref] })))).toEqual({
        code: 'SWARM_ERR_INGRESS_ATTACHMENT',
        network: 'ingress'
      });
    }
    expect(m.services()).toEqual([]);
  });

  it('node availability bogus; any case of active|pause|drain is taken, as the daemon upper-cases it', () => {
    const m = manager();
    const node = m.joinNode({ hostname: 'node-1', role: 'manager' });
    expect(refusal(() => m.setAvailability(node.id, 'bogus'))).toEqual({
      code: 'SWARM_ERR_INVALID_AVAILABILITY',
      availability: 'bogus'
    });
    expect(m.nodes()[0]!.Spec.Availability).toBe('active');
    m.setAvailability(node.id, 'DRAIN');
    expect(m.nodes()[0]!.Spec.Availability).toBe('drain');
  });

  it("answers with Docker's wording", () => {
    const m = manager();
    const node = m.joinNode({ hostname: 'node-1', role: 'manager' });
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as Error).message;
      }
      return undefined;
    };
    expect(message(() => m.createService(spec({ name: 'bad name!' })))).toBe(
      'name must be valid as a DNS name component'
    );
    expect(message(() => m.createService(spec({ ports: [{ targetPort: 70000 }] })))).toBe(
      'invalid target port (70000): value must be an integer: value out of range'
    );
    expect(message(() => m.createService(spec({ networks: ['ingress'] })))).toBe(
      'Service cannot be explicitly attached to the ingress network "ingress"'
    );
    expect(message(() => m.setAvailability(node.id, 'bogus'))).toBe('invalid Availability: "bogus"');
    expect(message(() => m.createService(spec({ image: 'Nginx' })))).toBe(
      'ContainerSpec: "Nginx" is not a valid repository/tag'
    );
    expect(message(() => m.createService(spec({ constraints: ['node.role==a,b'] })))).toBe("value 'a,b' is invalid");
  });
});

describe('docker network rm ingress', () => {
  it('names only the services that publish a port through the routing mesh', () => {
    const m = manager();
    m.createService(spec({ name: 'api', networks: ['overnet'] }));
    m.createService(spec({ name: 'web', ports: [{ targetPort: 80, publishedPort: 8080 }] }));
    m.createService(spec({ name: 'agent', ports: [{ targetPort: 9100, publishedPort: 9100, publishMode: 'host' }] }));
    m.createService(spec({ name: 'dns', ports: [{ targetPort: 53, protocol: 'udp' }] }));
    const err = refusal(() => m.removeNetwork('ingress'));
    expect(err).toEqual({ code: 'SWARM_ERR_NETWORK_IN_USE', network: 'ingress', services: ['web', 'dns'] });
    m.removeService('web');
    m.removeService('dns');
    expect(refusal(() => m.removeNetwork('ingress')).code).toBe('SWARM_ERR_UNSUPPORTED');
    expect(m.networks().map((n) => n.Spec.Name)).toEqual(['ingress', 'overnet']);
  });
});
