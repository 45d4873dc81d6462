import type { InProcessNode } from '@swarmsim/node';
import type { Manager } from '@swarmsim/swarm';

/**
 * What still keeps the cluster from having converged, one line per gap (empty when converged):
 * every live node joined and Ready, every killed node Down; every live node's gossip sees exactly the
 * live nodes alive; every replicated service has its replicas running; every node runs exactly the tasks
 * the manager wants running there.
 */
export function convergenceGaps(nodes: readonly InProcessNode[], manager: Manager): string[] {
  return [...nodeGaps(nodes, manager), ...gossipGaps(nodes), ...taskGaps(nodes, manager)];
}

function nodeGaps(nodes: readonly InProcessNode[], manager: Manager): string[] {
  const gaps: string[] = [];
  for (const n of nodes) {
    const id = n.nodeId;
    const state = id === undefined ? undefined : manager.store.get('node', id)?.status.state;
    if (!n.stopped && state !== 'ready') gaps.push(`${n.name}: not ready (${state ?? 'not joined'})`);
    if (n.stopped && id !== undefined && state !== 'down') gaps.push(`${n.name}: killed but ${state ?? 'unknown'}`);
  }
  return gaps;
}

function gossipGaps(nodes: readonly InProcessNode[]): string[] {
  const gaps: string[] = [];
  const live = nodes.filter((n) => !n.stopped && n.nodeId !== undefined);
  for (const n of live) {
    const alive = new Set(
      n.gossip
        .members()
        .filter((m) => m.state === 'alive')
        .map((m) => m.node)
    );
    for (const other of nodes) {
      const want = !other.stopped;
      if (alive.has(other.name) !== want)
        gaps.push(`${n.name}: gossip sees ${other.name} ${want ? 'not alive' : 'alive'}`);
    }
  }
  return gaps;
}

function taskGaps(nodes: readonly InProcessNode[], manager: Manager): string[] {
  const gaps: string[] = [];
  const tasks = manager.store.list('task');
  for (const s of manager.store.list('service')) {
    if (s.spec.mode === 'global') continue;
    const running = tasks.filter(
      (t) => t.serviceId === s.id && t.desiredState === 'running' && t.status.state === 'running'
    );
    const want = s.spec.replicas ?? 1;
    if (running.length !== want) gaps.push(`${s.spec.name}: ${running.length}/${want} running`);
  }
  const byNode = new Map(nodes.map((n) => [n.nodeId, n]));
  for (const t of tasks) {
    if (t.desiredState !== 'running') continue;
    const node = t.nodeId === undefined ? undefined : byNode.get(t.nodeId);
    if (node === undefined || node.stopped) gaps.push(`task ${t.id}: on no live node`);
    else if (!node.tasks.some((x) => x.assignment.taskId === t.id && x.state === 'running'))
      gaps.push(`task ${t.id}: not running on ${node.name}`);
  }
  for (const n of nodes) {
    for (const x of n.tasks) {
      if (manager.store.get('task', x.assignment.taskId)?.desiredState !== 'running')
        gaps.push(`${n.name}: stale task ${x.assignment.taskId}`);
    }
  }
  return gaps;
}
