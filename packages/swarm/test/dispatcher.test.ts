import { ManualClock } from '@swarmsim/clock';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { Manager, SwarmError, TASK_STATE_CODE, type AssignmentSet } from '../src/index.js';
import { cluster } from './helpers.js';

describe('task states', () => {
  it('move forward only: a backwards report is ignored and counted', () => {
    const { manager, nodeIds } = cluster(1);
    manager.createService({ name: 's', image: 'whoami' });
    const task = manager.tasks('s')[0]!;
    expect(task.Status.State).toBe('running');
    expect(manager.reportTaskState(nodeIds[0]!, task.ID, 'starting')).toBe(false);
    expect(manager.reportTaskState(nodeIds[0]!, task.ID, 'running')).toBe(false);
    expect(manager.ignoredReports).toBe(2);
    expect(manager.tasks('s')[0]!.Status.State).toBe('running');
  });

  it('record every transition in swarmkit order with its timestamp and Docker message', () => {
    const clock = new ManualClock(1_000);
    const manager = new Manager({ dispatcher: { heartbeatEpsilonMs: 0 } }, { clock });
    const node = manager.joinNode({ hostname: 'n1' });
    manager.createService({ name: 's', image: 'whoami' });
    const id = manager.tasks('s')[0]!.ID;
    expect(manager.tasks('s')[0]!.Status).toMatchObject({
      State: 'assigned',
      Message: 'scheduler assigned task to node'
    });
    clock.tick(500);
    manager.reportTaskState(node.id, id, 'accepted');
    clock.tick(500);
    manager.reportTaskState(node.id, id, 'running');
    const task = manager.store.get('task', id)!;
    expect(task.transitions).toEqual([
      { state: 'new', timestamp: 1_000 },
      { state: 'pending', timestamp: 1_000 },
      { state: 'assigned', timestamp: 1_000 },
      { state: 'accepted', timestamp: 1_500 },
      { state: 'running', timestamp: 2_000 }
    ]);
    const codes = task.transitions.map((t) => TASK_STATE_CODE[t.state]);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(manager.tasks('s')[0]!.Status).toEqual({
      Timestamp: new Date(2_000).toISOString(),
      State: 'running',
      Message: 'started'
    });
  });

  it("ignores reports about another node's task and refuses unknown nodes", () => {
    const { manager, nodeIds } = cluster(2);
    manager.createService({ name: 's', image: 'whoami' });
    const task = manager.tasks('s')[0]!;
    const other = nodeIds.find((id) => id !== task.NodeID)!;
    expect(manager.reportTaskState(other, task.ID, 'failed')).toBe(false);
    expect(() => manager.reportTaskState('nope', task.ID, 'failed')).toThrow(SwarmError);
    expect(() => manager.heartbeat('nope')).toThrow(expect.objectContaining({ code: 'SWARM_ERR_UNKNOWN_NODE' }));
  });
});

describe('heartbeats', () => {
  it('use the local preset: Down after 3 × 1 s without a heartbeat', () => {
    const clock = new ManualClock(0);
    const manager = new Manager({ preset: 'local', dispatcher: { heartbeatEpsilonMs: 0 } }, { clock });
    const down: string[] = [];
    manager.events.on('node:down', (id) => down.push(id));
    const node = manager.joinNode({ hostname: 'n1' });
    // The local preset's documented period (swarm dispatcher/presets.ts): 1 s, 5× faster than Swarm's 5 s.
    expect(manager.heartbeat(node.id)).toBe(1000);
    clock.tick(2800);
    manager.heartbeat(node.id);
    clock.tick(2999);
    expect(down).toEqual([]);
    clock.tick(1);
    expect(down).toEqual([node.id]);
    manager.heartbeat(node.id);
    expect(manager.nodes()[0]!.Status.State).toBe('ready');
  });

  it('lan preset: 5 s ± 0.5 s periods, Down between 13.5 s and 16.5 s after the last beat, same seed same result', () => {
    const downAt = (seed: number) => {
      const clock = new ManualClock(0);
      const manager = new Manager({ preset: 'lan' }, { clock, random: seededRandom(seed) });
      let at = -1;
      manager.events.on('node:down', () => (at = clock.now()));
      const period = manager.heartbeat(manager.joinNode({ hostname: 'n1' }).id);
      // swarmkit manager/dispatcher/dispatcher.go: DefaultHeartBeatPeriod 5 s, defaultHeartBeatEpsilon 500 ms,
      // defaultGracePeriodMultiplier 3.
      expect(period).toBeGreaterThanOrEqual(4_500);
      expect(period).toBeLessThanOrEqual(5_500);
      clock.tick(20_000);
      return at;
    };
    const times = [1, 2, 3, 4, 5].map(downAt);
    for (const t of times) expect(t).toBeGreaterThanOrEqual(13_500);
    for (const t of times) expect(t).toBeLessThanOrEqual(16_500);
    expect(new Set(times).size).toBeGreaterThan(1);
    expect(downAt(7)).toBe(downAt(7));
  });
});

describe('assignments', () => {
  it('stream each node its tasks with network attachments and addresses, then removals', () => {
    const { manager, agents, nodeIds } = cluster(2);
    const net = manager.createNetwork({ name: 'app' });
    manager.createService({
      name: 'web',
      image: 'whoami',
      replicas: 2,
      networks: ['app'],
      ports: [{ targetPort: 80 }]
    });
    const first = agents[0]!.received[0]!;
    const change = first.changes[0]!;
    expect(first.nodeId).toBe(nodeIds[0]);
    expect(change.action).toBe('update');
    if (change.action !== 'update') return;
    expect(change.assignment).toMatchObject({ serviceName: 'web', slot: 1, image: 'whoami', desiredState: 'running' });
    expect(change.assignment.networks.map((n) => [n.name, n.vni, n.addresses[0]])).toEqual([
      ['ingress', 4096, '10.0.0.5/24'], // .2/.3 node LBs, .4 the ingress VIP
      [net.name, 4097, '10.0.1.3/24']
    ]);
    const removed: AssignmentSet[] = [];
    manager.events.on('assignments', (s) => removed.push(s));
    manager.removeService('web');
    expect(removed.flatMap((s) => s.changes.map((c) => c.action))).toEqual(['update', 'update', 'remove', 'remove']);
    expect(manager.tasks()).toEqual([]);
    expect(Object.keys(manager.store.get('node', nodeIds[0]!)!.attachments)).toEqual([manager.ingress.id]);
  });
});
