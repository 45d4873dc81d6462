import { describe, expect, it } from 'vitest';
import { cluster } from './helpers.js';

describe('rolling update', () => {
  it('replaces tasks one at a time, stop-first, and completes', () => {
    const { manager } = cluster(3);
    manager.createService({ name: 'web', image: 'whoami:1', replicas: 3 });
    const seen: string[] = [];
    manager.events.on('change', (c) => {
      if (c.kind !== 'task' || c.action !== 'create') return;
      const t = manager.store.get('task', c.id)!;
      // Stop-first: when a new task is created, its slot's old task is already told to stop.
      const stillRunning = manager.store
        .list('task')
        .some((o) => o.slot === t.slot && o.id !== t.id && o.desiredState === 'running');
      seen.push(`${t.slot}:${t.template.image}:${stillRunning}`);
    });
    manager.updateService('web', { name: 'web', image: 'whoami:2', replicas: 3 });
    expect(seen).toEqual(['1:whoami:2:false', '2:whoami:2:false', '3:whoami:2:false']);
    const svc = manager.services()[0]!;
    expect(svc.UpdateStatus).toMatchObject({ State: 'completed', Message: 'update completed' });
    const live = manager.store.list('task').filter((t) => t.desiredState === 'running');
    expect(live.map((t) => [t.slot, t.template.image, t.status.state])).toEqual([
      [1, 'whoami:2', 'running'],
      [2, 'whoami:2', 'running'],
      [3, 'whoami:2', 'running']
    ]);
  });

  it('waits the update delay between batches of `parallelism` tasks', () => {
    const { manager, clock } = cluster(2);
    const updateConfig = { parallelism: 2, delayMs: 10_000 };
    manager.createService({ name: 'web', image: 'a', replicas: 4, updateConfig });
    manager.updateService('web', { name: 'web', image: 'b', replicas: 4, updateConfig });
    const images = () =>
      manager.store
        .list('task')
        .filter((t) => t.desiredState === 'running')
        .map((t) => t.template.image);
    expect(images().sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(manager.services()[0]!.UpdateStatus!.State).toBe('updating');
    clock.tick(9_999);
    expect(images().filter((i) => i === 'b')).toHaveLength(2);
    clock.tick(1);
    expect(images()).toEqual(['b', 'b', 'b', 'b']);
    expect(manager.services()[0]!.UpdateStatus!.State).toBe('completed');
  });

  it('start-first runs the new task beside the old one until it is running', () => {
    const { manager, agents } = cluster(1);
    const updateConfig = { order: 'start-first' as const };
    manager.createService({ name: 'web', image: 'a', updateConfig });
    // Silence the agent so the new task stays before running.
    agents[0]!.alive = false;
    manager.updateService('web', { name: 'web', image: 'b', updateConfig });
    const live = manager.store.list('task').filter((t) => t.desiredState === 'running');
    expect(live.map((t) => [t.slot, t.template.image])).toEqual([
      [1, 'a'],
      [1, 'b']
    ]);
    const fresh = live[1]!;
    manager.reportTaskState(fresh.nodeId!, fresh.id, 'running');
    expect(
      manager.store
        .list('task')
        .filter((t) => t.desiredState === 'running')
        .map((t) => t.template.image)
    ).toEqual(['b']);
    expect(manager.services()[0]!.UpdateStatus!.State).toBe('completed');
  });

  it('pauses when a new task fails', () => {
    const { manager, agents } = cluster(1);
    manager.createService({ name: 'web', image: 'a', replicas: 2, restartPolicy: { condition: 'none' } });
    agents[0]!.alive = false;
    manager.updateService('web', { name: 'web', image: 'broken', replicas: 2, restartPolicy: { condition: 'none' } });
    const fresh = manager.store.list('task').find((t) => t.template.image === 'broken')!;
    manager.reportTaskState(fresh.nodeId!, fresh.id, 'failed', { err: 'exit 1' });
    const status = manager.services()[0]!.UpdateStatus!;
    expect(status.State).toBe('paused');
    expect(status.Message).toContain(fresh.id);
    // Slot 2 is left on the old image.
    expect(
      manager.store
        .list('task')
        .filter((t) => t.slot === 2 && t.desiredState === 'running')
        .map((t) => t.template.image)
    ).toEqual(['a']);
  });

  it('scaling alone does not start an update', () => {
    const { manager } = cluster(1);
    manager.createService({ name: 'web', image: 'a', replicas: 1 });
    manager.scale('web', 2);
    expect(manager.services()[0]!.UpdateStatus).toBeUndefined();
    expect(manager.store.get('service', manager.service('web').id)!.specVersion).toBe(1);
  });
});
