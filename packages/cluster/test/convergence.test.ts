import { describe, it, expect } from 'vitest';
import type { ManagerSnapshot, NodeStatus } from '@swarmsim/node';
import { convergenceGaps, type NodeView } from '../src/convergence.js';

function status(name: string, nodeId: string, alive: string[], taskIds: string[]): NodeStatus {
  return {
    name,
    joined: true,
    nodeId,
    leader: name === 'n1',
    aliveMembers: alive,
    tasks: taskIds.map((taskId, i) => ({ taskId, serviceName: 'web', slot: i + 1, state: 'running' })),
    overlays: [],
    dns: []
  };
}

function manager(states: [string, string][], placement: [string, string][]): ManagerSnapshot {
  return {
    nodes: states.map(([hostname, state]) => ({ id: `id-${hostname}`, hostname, state })),
    services: [{ id: 's', name: 'web', mode: 'replicated', replicas: placement.length }],
    tasks: placement.map(([id, host], i) => ({
      id,
      serviceId: 's',
      nodeId: `id-${host}`,
      slot: i + 1,
      desiredState: 'running',
      state: 'running'
    }))
  };
}

/** Two Ready nodes, each running its one task of `web`, as both they and the leader see it. */
function convergedPair(): { views: NodeView[]; m: ManagerSnapshot } {
  const views: NodeView[] = [
    { name: 'n1', live: true, status: status('n1', 'id-n1', ['n1', 'n2'], ['t1']) },
    { name: 'n2', live: true, status: status('n2', 'id-n2', ['n1', 'n2'], ['t2']) }
  ];
  const m = manager(
    [
      ['n1', 'ready'],
      ['n2', 'ready']
    ],
    [
      ['t1', 'n1'],
      ['t2', 'n2']
    ]
  );
  return { views, m };
}

describe('convergenceGaps', () => {
  it('is empty for a converged pair and names each divergence otherwise', () => {
    const { views, m } = convergedPair();
    expect(convergenceGaps(views, m)).toEqual([]);

    const killed: NodeView[] = [views[0]!, { name: 'n2', live: false }];
    const gaps = convergenceGaps(killed, m);
    expect(gaps).toContain('n2: killed but ready');
    expect(gaps).toContain('n1: gossip sees n2 alive');
    expect(gaps).toContain('task t2: on no live node');

    const stale = convergenceGaps(
      [views[0]!, { name: 'n2', live: true, status: status('n2', 'id-n2', ['n1', 'n2'], ['t2', 'old']) }],
      m
    );
    expect(stale).toEqual(['n2: stale task old']);
  });

  it('waits for the leader to hear that a task told to stop has stopped, except on a dead node', () => {
    const { views, m } = convergedPair();
    // Scaled down: n2 already stopped t3, but its report has not reached the leader yet.
    const stopping = { id: 't3', serviceId: 's', nodeId: 'id-n2', slot: 3, desiredState: 'shutdown' as const };
    expect(convergenceGaps(views, { ...m, tasks: [...m.tasks, { ...stopping, state: 'running' }] })).toEqual([
      'task t3: still running on n2'
    ]);
    expect(convergenceGaps(views, { ...m, tasks: [...m.tasks, { ...stopping, state: 'shutdown' }] })).toEqual([]);
    // A crashed node never reports again: its last state stays (swarmkit orphans it only after 24 h Down).
    const dead: NodeView[] = [views[0]!, { name: 'n2', live: false }];
    const gaps = convergenceGaps(dead, { ...m, tasks: [m.tasks[0]!, { ...stopping, state: 'running' }] });
    expect(gaps.some((g) => g.startsWith('task t3'))).toBe(false);
  });

  it('waits until every overlay holds the other live nodes’ endpoints as peers, and a dead node’s no longer', () => {
    const { views, m } = convergedPair();
    const withOverlay = (v: NodeView, endpoints: string[], peers: string[]): NodeView => ({
      ...v,
      status: { ...v.status!, overlays: [{ network: 'overnet', endpoints, peers }] }
    });
    const synced = [
      withOverlay(views[0]!, ['10.0.1.3'], ['10.0.1.4']),
      withOverlay(views[1]!, ['10.0.1.4'], ['10.0.1.3'])
    ];
    expect(convergenceGaps(synced, m)).toEqual([]);
    // n2 has not heard n1's record yet.
    const lagging = [synced[0]!, withOverlay(views[1]!, ['10.0.1.4'], [])];
    expect(convergenceGaps(lagging, m)).toEqual(['n2: overlay overnet peers [], want [10.0.1.3]']);
  });

  it('waits until every node’s DNS holds every live endpoint of its networks', () => {
    const { views, m } = convergedPair();
    const withDns = (v: NodeView, local: string[], records: string[]): NodeView => ({
      ...v,
      status: { ...v.status!, dns: [{ network: 'overnet', local, records }] }
    });
    const synced = [withDns(views[0]!, ['t1'], ['t1', 't2']), withDns(views[1]!, ['t2'], ['t1', 't2'])];
    expect(convergenceGaps(synced, m)).toEqual([]);
    const lagging = [synced[0]!, withDns(views[1]!, ['t2'], ['t2'])];
    expect(convergenceGaps(lagging, m)).toEqual(['n2: DNS of overnet holds [t2], want [t1,t2]']);
  });
});
