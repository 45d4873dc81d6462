import { describe, expect, it } from 'vitest';
import { SwarmError } from '../src/index.js';
import { cluster } from './helpers.js';

describe('scheduler', () => {
  it('spreads 6 replicas on 3 nodes 2/2/2', () => {
    const { manager, spread } = cluster(3);
    manager.createService({ name: 'web', image: 'whoami', replicas: 6 });
    expect(spread('web')).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
    expect(manager.tasks('web').map((t) => t.Slot)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(manager.tasks('web').every((t) => t.Status.State === 'running')).toBe(true);
  });

  it('sends a 7th replica to the node with the fewest tasks in total', () => {
    const { manager, spread, nodeIds } = cluster(3);
    // Another service loads node-1 and node-2 first, so node-3 has the fewest tasks overall.
    manager.createService({ name: 'other', image: 'whoami', replicas: 2 });
    expect(Object.keys(spread('other')).sort()).toEqual(['node-1', 'node-2']);
    manager.createService({ name: 'web', image: 'whoami', replicas: 6 });
    expect(spread('web')).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
    manager.scale('web', 7);
    const seventh = manager.tasks('web').find((t) => t.Slot === 7)!;
    expect(seventh.NodeID).toBe(nodeIds[2]);
  });

  it('fills nodes evenly when some already run tasks of the service', () => {
    const { manager, spread } = cluster(3);
    manager.createService({ name: 'web', image: 'whoami', replicas: 1 });
    manager.scale('web', 4);
    const counts = Object.values(spread('web')).sort();
    expect(counts).toEqual([1, 1, 2]);
  });

  it('honours node.role, node.hostname and node.labels constraints with == and !=', () => {
    const labels: Record<string, string>[] = [{ zone: 'east' }, { zone: 'west' }, { zone: 'east', ssd: 'true' }];
    const { manager, spread } = cluster(3, {}, labels);
    manager.createService({ name: 'w', image: 'whoami', replicas: 4, constraints: ['node.role==worker'] });
    manager.createService({ name: 'h', image: 'whoami', replicas: 2, constraints: ['node.hostname == node-2'] });
    manager.createService({
      name: 'e',
      image: 'whoami',
      replicas: 2,
      constraints: ['node.labels.zone==east', 'node.labels.ssd!=true']
    });
    manager.createService({ name: 'n', image: 'whoami', replicas: 3, constraints: ['node.labels.zone!=east'] });
    expect(spread('w')).toEqual({ 'node-2': 2, 'node-3': 2 });
    expect(spread('h')).toEqual({ 'node-2': 2 });
    expect(spread('e')).toEqual({ 'node-1': 2 });
    expect(spread('n')).toEqual({ 'node-2': 3 });
  });

  it('matches node.id constraints', () => {
    const { manager, spread, nodeIds } = cluster(3);
    manager.createService({ name: 'x', image: 'whoami', replicas: 2, constraints: [`node.id==${nodeIds[1]}`] });
    expect(spread('x')).toEqual({ 'node-2': 2 });
  });

  it('leaves a task pending with "no suitable node" when nothing matches, and places it once a node fits', () => {
    const { manager, clock } = cluster(2);
    manager.createService({ name: 'x', image: 'whoami', constraints: ['node.labels.gpu==yes'] });
    const [task] = manager.tasks('x');
    expect(task!.Status.State).toBe('pending');
    expect(task!.Status.Err).toBe('no suitable node (scheduling constraints not satisfied on 2 nodes)');
    const gpu = manager.joinNode({ hostname: 'gpu-1', labels: { gpu: 'yes' } });
    clock.tick(0);
    expect(manager.tasks('x')[0]!.NodeID).toBe(gpu.id);
    expect(manager.tasks('x')[0]!.Status.State).toBe('assigned');
  });

  it('explains an empty cluster and unavailable nodes', () => {
    const { manager, nodeIds } = cluster(0);
    manager.createService({ name: 'x', image: 'whoami' });
    expect(manager.tasks('x')[0]!.Status.Err).toBe('no suitable node (no nodes in the cluster)');
    expect(nodeIds).toEqual([]);
    const n = manager.joinNode({ hostname: 'a', availability: 'pause' });
    expect(manager.tasks('x')[0]!.Status.Err).toBe('no suitable node (1 node not available for new tasks)');
    manager.setAvailability(n.id, 'active');
    expect(manager.tasks('x')[0]!.NodeID).toBe(n.id);
  });

  it('does not place tasks on paused or drained nodes', () => {
    const { manager, spread, nodeIds } = cluster(3);
    manager.setAvailability(nodeIds[0]!, 'pause');
    manager.setAvailability(nodeIds[1]!, 'drain');
    manager.createService({ name: 'web', image: 'whoami', replicas: 3 });
    expect(spread('web')).toEqual({ 'node-3': 3 });
  });

  it("rejects a constraint that breaks swarmkit's grammar, with its reason", () => {
    const { manager } = cluster(1);
    for (const bad of ['node.role', 'node.role==', 'x==1', 'node.role>=worker', 'node.role==a,b']) {
      expect(() => manager.createService({ name: 'x', image: 'whoami', constraints: [bad] })).toThrow(SwarmError);
    }
    expect(() => manager.createService({ name: 'x', image: 'whoami', constraints: ['node.role=worker'] })).toThrow(
      expect.objectContaining({
        code: 'SWARM_ERR_INVALID_CONSTRAINT',
        type: expect.objectContaining({ constraint: 'node.role=worker' })
      })
    );
    expect(manager.services()).toEqual([]);
  });

  it('matches node.platform.os/arch (linux/x86_64) and node.ip (address or CIDR) as swarmkit does', () => {
    const { manager, spread } = cluster(3);
    const place = (name: string, constraints: string[]) =>
      manager.createService({ name, image: 'whoami', replicas: 3, constraints });
    place('linux', ['node.platform.os==linux', 'node.platform.arch==x86_64']);
    place('case', ['NODE.PLATFORM.OS==Linux']);
    place('ip', ['node.ip==192.168.1.2']);
    place('subnet', ['node.ip!=192.168.1.0/31']); // node-1 is .1: inside the /31
    expect(spread('linux')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
    expect(spread('case')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
    expect(spread('ip')).toEqual({ 'node-2': 3 });
    // Spread: node-2 already runs the 3 `ip` tasks, so node-3 takes two of these.
    expect(spread('subnet')).toEqual({ 'node-2': 1, 'node-3': 2 });
    expect(manager.nodes()[0]!.Description.Platform).toEqual({ Architecture: 'x86_64', OS: 'linux' });
  });

  // Docker accepts them (constraint.Parse checks only the shape) and the tasks wait for a node that never comes.
  it('accepts unknown keys, windows and absent engine labels, leaving the tasks pending with no suitable node', () => {
    const { manager } = cluster(2);
    const texts = ['node.colour==red', 'node.platform.os==windows', 'engine.labels.tier==gold', 'node.labels.==x'];
    texts.forEach((text, i) => manager.createService({ name: `s${i}`, image: 'whoami', constraints: [text] }));
    for (const [i] of texts.entries()) {
      const [task] = manager.tasks(`s${i}`);
      expect(task!.Status.State).toBe('pending');
      expect(task!.Status.Err).toBe('no suitable node (scheduling constraints not satisfied on 2 nodes)');
    }
  });
});
