import { nodeMatchesConstraints } from '@swarmsim/config';
import type { Clock } from '@swarmsim/interface';
import type { Store } from '../store/store.js';
import { isRunnableDesired, isTerminal, TASK_STATE_MESSAGE } from '../task-state.js';
import type { SwarmNode, SwarmService, SwarmTask } from '../types.js';
import { parseConstraints } from './constraints.js';

/** Called for each placement, in order (the allocator gives the node its LB addresses here). */
export type OnAssign = (task: SwarmTask) => void;

/** Per-node counts the spread ordering uses. */
interface NodeLoad {
  node: SwarmNode;
  service: number;
  total: number;
}

/**
 * swarmkit's scheduler, reduced to what Swarm networking shows: filters (ready, active, constraints) and
 * spread ordering (fewest tasks of the service, then fewest in total), filling nodes evenly within a batch.
 */
export class Scheduler {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  /** Places every pending task; tasks with no suitable node stay pending with an error. */
  schedule(onAssign: OnAssign): void {
    const groups = new Map<string, SwarmTask[]>();
    for (const t of this.store.list('task')) {
      if (t.status.state !== 'pending' || !isRunnableDesired(t.desiredState)) continue;
      groups.set(t.serviceId, [...(groups.get(t.serviceId) ?? []), t]);
    }
    for (const [serviceId, tasks] of groups) {
      const service = this.store.get('service', serviceId);
      if (service !== undefined) this.scheduleGroup(service, tasks, onAssign);
    }
  }

  private scheduleGroup(service: SwarmService, tasks: SwarmTask[], onAssign: OnAssign): void {
    const constraints = parseConstraints(service.spec.constraints ?? []);
    const nodes = this.store.list('node');
    const eligible = nodes.filter((n) => isAvailable(n) && nodeMatchesConstraints(n, constraints));
    const loads = eligible.map((node) => this.load(node, service.id));
    for (const task of tasks) {
      const preset = task.nodeId;
      const candidates = preset === undefined ? loads : loads.filter((l) => l.node.id === preset);
      const best = candidates.reduce<NodeLoad | undefined>(
        (b, l) => (b === undefined || less(l, b) ? l : b),
        undefined
      );
      if (best === undefined) {
        this.unschedulable(task, noSuitableNode(nodes, constraints.length > 0, preset));
        continue;
      }
      best.service++;
      best.total++;
      this.assign(task, best.node.id);
      onAssign(this.store.must('task', task.id));
    }
  }

  private load(node: SwarmNode, serviceId: string): NodeLoad {
    let service = 0;
    let total = 0;
    for (const t of this.store.list('task')) {
      if (t.nodeId !== node.id || !isActive(t)) continue;
      total++;
      if (t.serviceId === serviceId) service++;
    }
    return { node, service, total };
  }

  private assign(task: SwarmTask, nodeId: string): void {
    const now = this.clock.now();
    this.store.update('task', task.id, (t) => {
      t.nodeId = nodeId;
      t.status = { state: 'assigned', timestamp: now, message: TASK_STATE_MESSAGE.assigned };
      t.transitions.push({ state: 'assigned', timestamp: now });
    });
  }

  private unschedulable(task: SwarmTask, err: string): void {
    if (task.status.err === err) return;
    this.store.update('task', task.id, (t) => (t.status = { ...t.status, err }));
  }
}

/** A task that occupies its node: it should run and has not ended (swarmkit nodeInfo.ActiveTasksCount). */
export function isActive(t: SwarmTask): boolean {
  return isRunnableDesired(t.desiredState) && !isTerminal(t.status.state);
}

/** Filters of swarmkit's ReadyFilter: status ready and availability active. */
function isAvailable(node: SwarmNode): boolean {
  return node.status.state === 'ready' && node.availability === 'active';
}

/** swarmkit scheduler.go nodeLess: fewest tasks of this service, then fewest tasks overall. */
function less(a: NodeLoad, b: NodeLoad): boolean {
  if (a.service !== b.service) return a.service < b.service;
  return a.total < b.total;
}

/** Docker's `no suitable node (…)` text, explaining the filters that failed. */
function noSuitableNode(nodes: readonly SwarmNode[], constrained: boolean, preset?: string): string {
  const pool = preset === undefined ? nodes : nodes.filter((n) => n.id === preset);
  if (pool.length === 0) return 'no suitable node (no nodes in the cluster)';
  const unavailable = pool.filter((n) => !isAvailable(n)).length;
  const reasons: string[] = [];
  if (unavailable > 0) reasons.push(`${unavailable} node${unavailable === 1 ? '' : 's'} not available for new tasks`);
  const rest = pool.length - unavailable;
  if (constrained && rest > 0)
    reasons.push(`scheduling constraints not satisfied on ${rest} node${rest === 1 ? '' : 's'}`);
  return `no suitable node (${reasons.join('; ')})`;
}
