import { describe, expect, it } from 'vitest';
import { cluster } from './helpers.js';

const GRACE_LAN = 5_000 * 3;

describe('global services', () => {
  it('run one task per node and none moves when a node dies', () => {
    const { manager, agents, clock, spread } = cluster(3);
    manager.createService({ name: 'mon', image: 'whoami', mode: 'global' });
    expect(spread('mon')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
    expect(manager.tasks('mon').every((t) => t.Slot === undefined && t.Status.State === 'running')).toBe(true);
    agents[2]!.kill();
    clock.tick(GRACE_LAN + 5_000);
    expect(manager.nodes()[2]!.Status).toMatchObject({ State: 'down', Message: 'heartbeat failure' });
    expect(spread('mon')).toEqual({ 'node-1': 1, 'node-2': 1 });
    const dead = manager.tasks('mon').find((t) => t.NodeID === agents[2]!.nodeId)!;
    expect(dead.DesiredState).toBe('shutdown');
    expect(dead.Status.State).toBe('running'); // the node cannot report; Swarm shows the last known state
    expect(manager.tasks('mon')).toHaveLength(3);
  });

  it('start on a node that joins, and stop on a drained node without replacement', () => {
    const { manager, clock, spread, nodeIds } = cluster(2);
    manager.createService({ name: 'mon', image: 'whoami', mode: 'global' });
    manager.joinNode({ hostname: 'node-3' });
    clock.tick(0);
    expect(spread('mon')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
    manager.setAvailability(nodeIds[0]!, 'drain');
    expect(spread('mon')).toEqual({ 'node-2': 1, 'node-3': 1 });
    expect(manager.tasks('mon').find((t) => t.NodeID === nodeIds[0])!.Status.State).toBe('shutdown');
  });
});

describe('replicated services', () => {
  it('move away from a drained node', () => {
    const { manager, clock, spread, nodeIds } = cluster(3);
    manager.createService({ name: 'web', image: 'whoami', replicas: 6 });
    manager.setAvailability(nodeIds[1]!, 'drain');
    clock.tick(5_000); // restart delay before the replacements run
    expect(spread('web')).toEqual({ 'node-1': 3, 'node-3': 3 });
    const running = manager.tasks('web').filter((t) => t.DesiredState === 'running');
    expect(running.map((t) => t.Slot).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(running.every((t) => t.Status.State === 'running')).toBe(true);
    const drained = manager.tasks('web').filter((t) => t.NodeID === nodeIds[1]);
    expect(drained.map((t) => [t.DesiredState, t.Status.State])).toEqual([
      ['shutdown', 'shutdown'],
      ['shutdown', 'shutdown']
    ]);
  });

  it("replace a dead worker's tasks in the same slots on live nodes after the heartbeat grace", () => {
    const { manager, agents, clock, nodeIds } = cluster(3);
    manager.createService({ name: 'web', image: 'whoami', replicas: 6 });
    const victim = nodeIds[2]!;
    const lostSlots = manager
      .tasks('web')
      .filter((t) => t.NodeID === victim)
      .map((t) => t.Slot);
    agents[2]!.kill();
    clock.tick(GRACE_LAN - 1);
    expect(manager.nodes()[2]!.Status.State).toBe('ready'); // last heartbeat at join (t=0): Down at t=15000
    clock.tick(1);
    expect(manager.nodes()[2]!.Status.State).toBe('down');
    const replacements = manager.tasks('web').filter((t) => lostSlots.includes(t.Slot) && t.NodeID !== victim);
    expect(replacements.map((t) => t.Slot).sort()).toEqual([...lostSlots].sort());
    expect(replacements.every((t) => t.DesiredState === 'ready')).toBe(true); // waiting for the restart delay
    clock.tick(5_000);
    expect(
      manager.tasks('web').filter((t) => t.DesiredState === 'running' && t.Status.State === 'running')
    ).toHaveLength(6);
    const history = manager.tasks('web').filter((t) => t.NodeID === victim);
    expect(history.map((t) => [t.DesiredState, t.Status.State])).toEqual([
      ['shutdown', 'running'],
      ['shutdown', 'running']
    ]);
  });

  it('the Down node gets a complete assignment set when it comes back and shuts its old tasks down', () => {
    const { manager, agents, clock, nodeIds } = cluster(2);
    manager.createService({ name: 'web', image: 'whoami', replicas: 2 });
    agents[1]!.kill();
    clock.tick(GRACE_LAN + 5_000);
    const before = agents[1]!.received.length;
    agents[1]!.alive = true;
    manager.heartbeat(nodeIds[1]!);
    const resync = agents[1]!.received[before]!;
    expect(resync.type).toBe('complete');
    expect(resync.changes.map((c) => c.action === 'update' && c.assignment.desiredState)).toEqual(['shutdown']);
    expect(manager.nodes()[1]!.Status.State).toBe('ready');
    const old = manager.tasks('web').find((t) => t.NodeID === nodeIds[1] && t.DesiredState === 'shutdown')!;
    expect(old.Status.State).toBe('shutdown');
    expect(old.NetworksAttachments).toEqual([]);
  });

  it('keep at most 5 tasks of history per slot', () => {
    const { manager, agents, clock } = cluster(1);
    manager.createService({ name: 'crash', image: 'whoami', restartPolicy: { delayMs: 1_000 } });
    const ids = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const live = manager.tasks('crash').find((t) => t.DesiredState === 'running')!;
      ids.add(live.ID);
      agents[0]!.exit(live.ID);
      clock.tick(1_000);
    }
    const tasks = manager.tasks('crash');
    // swarmkit manager/manager.go: defaultTaskHistoryRetentionLimit = 5 (`docker swarm update --task-history-limit`).
    expect(tasks).toHaveLength(5);
    expect(tasks.every((t) => t.Slot === 1)).toBe(true);
    expect(ids.size).toBe(8);
    // The newest are kept: the current task plus the four latest failures.
    expect(tasks.filter((t) => t.Status.State === 'failed')).toHaveLength(4);
  });

  it('scale down shuts the highest slots and scale up refills them', () => {
    const { manager } = cluster(2);
    manager.createService({ name: 'web', image: 'whoami', replicas: 4 });
    manager.scale('web', 2);
    const live = manager.tasks('web').filter((t) => t.DesiredState === 'running');
    expect(live.map((t) => t.Slot)).toEqual([1, 2]);
    expect(
      manager
        .tasks('web')
        .filter((t) => t.Status.State === 'shutdown')
        .map((t) => t.Slot)
    ).toEqual([3, 4]);
    manager.scale('web', 3);
    expect(
      manager
        .tasks('web')
        .filter((t) => t.DesiredState === 'running')
        .map((t) => t.Slot)
    ).toEqual([1, 2, 3]);
  });
});

describe('restart policy', () => {
  it('restarts a failed task in its slot after the delay (condition any, default 5 s)', () => {
    const { manager, agents, clock } = cluster(1);
    manager.createService({ name: 's', image: 'whoami' });
    const first = manager.tasks('s')[0]!;
    agents[0]!.exit(first.ID);
    const next = manager.tasks('s').find((t) => t.ID !== first.ID)!;
    expect([next.Slot, next.DesiredState, next.Status.State]).toEqual([1, 'ready', 'ready']);
    clock.tick(4_999);
    expect(manager.store.get('task', next.ID)!.desiredState).toBe('ready');
    clock.tick(1);
    expect(manager.store.get('task', next.ID)!.status.state).toBe('running');
    expect(manager.store.get('task', first.ID)!.status).toMatchObject({
      state: 'failed',
      err: 'task: non-zero exit (1)'
    });
  });

  it('does not restart a completed task under on-failure, nor anything under none', () => {
    const { manager, agents, clock } = cluster(1);
    manager.createService({ name: 'job', image: 'sleep', restartPolicy: { condition: 'on-failure' } });
    manager.createService({ name: 'once', image: 'sleep', restartPolicy: { condition: 'none' } });
    agents[0]!.exit(manager.tasks('job')[0]!.ID, 'complete');
    agents[0]!.exit(manager.tasks('once')[0]!.ID, 'failed');
    clock.tick(10_000);
    expect(manager.tasks('job').map((t) => t.Status.State)).toEqual(['complete']);
    expect(manager.tasks('once').map((t) => t.Status.State)).toEqual(['failed']);
  });

  it('stops after max attempts', () => {
    const { manager, agents, clock } = cluster(1);
    manager.createService({ name: 's', image: 'whoami', restartPolicy: { maxAttempts: 2, delayMs: 0 } });
    for (let i = 0; i < 3; i++) {
      const live = manager.tasks('s').find((t) => t.DesiredState === 'running' && t.Status.State === 'running')!;
      agents[0]!.exit(live.ID);
      clock.tick(0);
    }
    expect(manager.tasks('s').map((t) => t.Status.State)).toEqual(['failed', 'failed', 'failed']);
  });
});

describe('unplaceable tasks', () => {
  it('are deleted when scaled away before reaching a node', () => {
    const { manager } = cluster(1);
    manager.createService({ name: 'x', image: 'whoami', replicas: 2, constraints: ['node.labels.none==1'] });
    expect(manager.tasks('x').map((t) => t.Status.State)).toEqual(['pending', 'pending']);
    manager.scale('x', 1);
    expect(manager.tasks('x').map((t) => t.Slot)).toEqual([1]);
  });
});

describe('long-Down nodes', () => {
  it('have their unfinished tasks orphaned after 24 h, freeing their addresses', () => {
    const { manager, agents, clock, nodeIds } = cluster(2);
    const net = manager.createNetwork({ name: 'n' });
    manager.createService({ name: 'web', image: 'whoami', replicas: 2, networks: ['n'] });
    agents[1]!.kill();
    clock.tick(GRACE_LAN);
    const stranded = manager.tasks('web').find((t) => t.NodeID === nodeIds[1])!;
    expect(stranded.NetworksAttachments[0]!.Network.ID).toBe(net.id);
    clock.tick(86_400_000 - 1);
    expect(manager.store.get('task', stranded.ID)!.status.state).toBe('running');
    clock.tick(1);
    const orphaned = manager.store.get('task', stranded.ID)!;
    expect([orphaned.status.state, orphaned.status.message, orphaned.networks]).toEqual([
      'orphaned',
      'task orphaned',
      []
    ]);
    expect(manager.store.get('node', nodeIds[1]!)!.attachments[net.id]).toBeUndefined();
  });
});
