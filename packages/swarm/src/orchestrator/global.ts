import { nodeMatchesConstraints } from '@swarmsim/config';
import { parseConstraints } from '../scheduler/constraints.js';
import { isRunnableDesired } from '../task-state.js';
import type { SwarmNode, SwarmService } from '../types.js';
import { createTask, shutdownTask, type OrchestratorDeps } from './task-factory.js';

/**
 * One pass of swarmkit's global orchestrator for a service: one runnable task per ready, active node that
 * meets the constraints; tasks on a node that went Down, was drained or no longer matches are shut down and
 * not replaced elsewhere (global.go reconcileOneNode). A paused node keeps its task but gets no new one.
 */
export function reconcileGlobal(deps: OrchestratorDeps, service: SwarmService): void {
  const constraints = parseConstraints(service.spec.constraints ?? []);
  const tasks = deps.store.list('task').filter((t) => t.serviceId === service.id && isRunnableDesired(t.desiredState));
  const covered = new Set<string>();
  for (const task of tasks) {
    const node = task.nodeId === undefined ? undefined : deps.store.get('node', task.nodeId);
    if (node === undefined || !keeps(node) || !nodeMatchesConstraints(node, constraints)) shutdownTask(deps, task);
    else covered.add(node.id);
  }
  for (const node of deps.store.list('node')) {
    const wanted = node.status.state === 'ready' && node.availability === 'active';
    if (wanted && !covered.has(node.id) && nodeMatchesConstraints(node, constraints)) {
      createTask(deps, service, 0, 'running', node.id);
    }
  }
}

/** A node may keep its global task unless it is Down or drained. */
function keeps(node: SwarmNode): boolean {
  return node.status.state !== 'down' && node.availability !== 'drain';
}
