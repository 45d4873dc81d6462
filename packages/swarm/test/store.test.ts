import { ManualClock } from '@swarmsim/clock';
import { describe, expect, it } from 'vitest';
import { Manager, Store, SwarmError, type StoreChange } from '../src/index.js';

describe('Store', () => {
  it('stamps every write with the next store-wide index and the clock time', () => {
    const clock = new ManualClock(100);
    const store = new Store(clock);
    const changes: StoreChange[] = [];
    store.events.on('change', (c) => changes.push(c));
    const n = store.create('node', {
      id: 'n1',
      hostname: 'h',
      role: 'worker',
      availability: 'active',
      labels: {},
      platform: { os: 'linux', architecture: 'x86_64' },
      addr: '',
      status: { state: 'ready', message: '' },
      attachments: {}
    });
    clock.tick(50);
    store.update('node', 'n1', (x) => (x.availability = 'drain'));
    expect(n.meta).toEqual({ version: 2, createdAt: 100, updatedAt: 150 });
    store.delete('node', 'n1');
    store.delete('node', 'n1');
    expect(changes.map((c) => [c.action, c.version])).toEqual([
      ['create', 1],
      ['update', 2],
      ['delete', 3]
    ]);
    expect(store.version).toBe(3);
    expect(() => store.must('node', 'n1')).toThrow(SwarmError);
  });
});

describe('Manager objects', () => {
  it('show versions that grow with each write and Docker-shaped read models', () => {
    const clock = new ManualClock();
    const manager = new Manager({}, { clock });
    const node = manager.joinNode({ hostname: 'n1', role: 'manager', labels: { a: 'b' }, addr: '192.168.0.1' });
    const before = manager.nodes()[0]!.Version.Index;
    manager.setAvailability(node.id, 'pause');
    const view = manager.nodes()[0]!;
    expect(view.Version.Index).toBeGreaterThan(before);
    expect(view).toMatchObject({
      ID: node.id,
      Spec: { Role: 'manager', Availability: 'pause', Labels: { a: 'b' } },
      Description: { Hostname: 'n1' },
      Status: { State: 'ready', Addr: '192.168.0.1' }
    });
    expect(node.id).toMatch(/^[0-9a-z]{25}$/);
    expect(manager.networks()[0]).toMatchObject({
      Spec: { Name: 'ingress', Ingress: true },
      IPAMOptions: { Configs: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }] }
    });
  });

  it('refuses duplicate names, unknown networks and removing networks in use', () => {
    const manager = new Manager({}, { clock: new ManualClock() });
    manager.createNetwork({ name: 'n' });
    manager.createService({ name: 's', image: 'x', networks: ['n'] });
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as SwarmError).code;
      }
      return undefined;
    };
    expect(code(() => manager.createNetwork({ name: 'n' }))).toBe('SWARM_ERR_NAME_CONFLICT');
    expect(code(() => manager.createService({ name: 's', image: 'x' }))).toBe('SWARM_ERR_NAME_CONFLICT');
    expect(code(() => manager.createService({ name: 't', image: 'x', networks: ['zz'] }))).toBe('SWARM_ERR_NOT_FOUND');
    expect(code(() => manager.removeNetwork('n'))).toBe('SWARM_ERR_NETWORK_IN_USE');
    // `s` publishes no port, so it does not hold ingress; Docker would then remove it, the simulator does not.
    expect(code(() => manager.removeNetwork('ingress'))).toBe('SWARM_ERR_UNSUPPORTED');
    expect(code(() => manager.createService({ name: 'g', image: 'x', mode: 'global', replicas: 2 }))).toBe(
      'SWARM_ERR_INVALID_SPEC'
    );
    expect(code(() => manager.scale('s', -1))).toBe('SWARM_ERR_INVALID_SPEC');
    manager.removeService('s');
    manager.removeNetwork('n');
    expect(manager.networks().map((n) => n.Spec.Name)).toEqual(['ingress']);
  });
});
