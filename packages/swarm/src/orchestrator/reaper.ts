import type { Allocator } from '../allocator/allocator.js';
import { isRunnableDesired, isTerminal } from '../task-state.js';
import type { SwarmTask } from '../types.js';
import { slotKey } from './restart.js';
import type { OrchestratorDeps } from './task-factory.js';

/** Tasks kept per slot, the current one included (swarmkit defaultTaskHistoryRetentionLimit). */
export const TASK_HISTORY_RETENTION = 5;

/**
 * swarmkit's task reaper plus the allocator's deallocation: dead tasks (told to stop and ended) give back their
 * addresses, tasks of removed services go once they ended, tasks stopped before reaching a node go at once,
 * and each slot keeps at most `retention` tasks (the oldest stopped ones are deleted first).
 */
export function reapTasks(deps: OrchestratorDeps, allocator: Allocator, retention = TASK_HISTORY_RETENTION): void {
  const slots = new Map<string, SwarmTask[]>();
  for (const task of deps.store.list('task')) {
    const dead = !isRunnableDesired(task.desiredState) && isTerminal(task.status.state);
    if (dead && task.networks.length > 0) deps.store.update('task', task.id, (t) => allocator.releaseTask(t));
    const unassigned = task.status.state === 'new' || task.status.state === 'pending';
    // swarmkit's task reaper: a task told to stop before any node got it is simply deleted.
    if ((task.desiredState === 'remove' && dead) || (!isRunnableDesired(task.desiredState) && unassigned)) {
      allocator.releaseTask(task);
      deps.store.delete('task', task.id);
      continue;
    }
    slots.set(slotKey(task), [...(slots.get(slotKey(task)) ?? []), task]);
  }
  for (const tasks of slots.values()) trimSlot(deps, allocator, tasks, retention);
}

function trimSlot(deps: OrchestratorDeps, allocator: Allocator, tasks: SwarmTask[], retention: number): void {
  let excess = tasks.length - retention;
  // list() is in creation order, so the first stopped tasks are the oldest.
  for (const task of tasks) {
    if (excess <= 0) return;
    if (isRunnableDesired(task.desiredState)) continue;
    allocator.releaseTask(task);
    deps.store.delete('task', task.id);
    excess--;
  }
}
