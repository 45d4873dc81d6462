import { isRunnableDesired } from '../task-state.js';
import type { SwarmService, SwarmTask } from '../types.js';
import type { RestartSupervisor } from './restart.js';
import { createTask, shutdownTask, type OrchestratorDeps } from './task-factory.js';

/**
 * One pass of swarmkit's replicated orchestrator for a service: slots 1..N each get a runnable task, runnable
 * tasks in slots above N are shut down (scale down), and tasks on a Down or drained node are replaced in the
 * same slot elsewhere (the old one only gets desired state shutdown: the node will report when it can).
 */
export function reconcileReplicated(
  deps: OrchestratorDeps,
  restarts: RestartSupervisor,
  service: SwarmService,
  onStart: () => void
): void {
  const tasks = deps.store.list('task').filter((t) => t.serviceId === service.id && isRunnableDesired(t.desiredState));
  for (const task of tasks) {
    if (onLostNode(deps, task)) restarts.restart(task, service, false, onStart);
  }
  const replicas = service.spec.replicas ?? 1;
  const occupied = new Set<number>();
  for (const task of tasks) {
    if (task.slot > replicas) shutdownTask(deps, task);
    else occupied.add(task.slot);
  }
  for (let slot = 1; slot <= replicas; slot++) {
    if (!occupied.has(slot)) createTask(deps, service, slot, 'running');
  }
}

/** True when a task sits on a node that is Down or drained, so it must move. */
function onLostNode(deps: OrchestratorDeps, task: SwarmTask): boolean {
  if (task.nodeId === undefined) return false;
  const node = deps.store.get('node', task.nodeId);
  return node === undefined || node.status.state === 'down' || node.availability === 'drain';
}
