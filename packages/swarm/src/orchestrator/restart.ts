import type { TimerHandle } from '@swarmsim/interface';
import type { SwarmService, SwarmTask } from '../types.js';
import { createTask, shutdownTask, type OrchestratorDeps } from './task-factory.js';

/** Restart delay when the policy gives none (swarmkit api/defaults/service.go: 5 s). */
export const DEFAULT_RESTART_DELAY_MS = 5_000;

/**
 * swarmkit's restart supervisor: the old task is told to shut down and a replacement in the same slot
 * (or on the same node, for global services) is created at once with desired state `ready`; only after the
 * restart delay is it told to run. Attempts are counted per slot against `maxAttempts`.
 */
export class RestartSupervisor {
  private readonly attempts = new Map<string, number>();
  private readonly timers = new Set<TimerHandle>();

  constructor(private readonly deps: OrchestratorDeps) {}

  /** Whether a task that ended by itself should be restarted under its service's policy. */
  shouldRestart(task: SwarmTask, service: SwarmService): boolean {
    const policy = service.spec.restartPolicy ?? {};
    const condition = policy.condition ?? 'any';
    if (condition === 'none') return false;
    if (condition === 'on-failure' && task.status.state === 'complete') return false;
    const max = policy.maxAttempts ?? 0;
    return max === 0 || (this.attempts.get(slotKey(task)) ?? 0) < max;
  }

  /** Replaces a task; `counted` is false for node failures, which the policy's attempt limit ignores. */
  restart(task: SwarmTask, service: SwarmService, counted: boolean, onStart: () => void): SwarmTask {
    shutdownTask(this.deps, task);
    if (counted) this.attempts.set(slotKey(task), (this.attempts.get(slotKey(task)) ?? 0) + 1);
    const global = service.spec.mode === 'global';
    const replacement = createTask(this.deps, service, task.slot, 'ready', global ? task.nodeId : undefined);
    const delay = service.spec.restartPolicy?.delayMs ?? DEFAULT_RESTART_DELAY_MS;
    const timer = this.deps.clock.setTimeout(() => {
      this.timers.delete(timer);
      const current = this.deps.store.get('task', replacement.id);
      if (current?.desiredState !== 'ready') return;
      this.deps.store.update('task', current.id, (t) => (t.desiredState = 'running'));
      onStart();
    }, delay);
    this.timers.add(timer);
    return replacement;
  }

  /** Forgets attempt counts of a service (after a spec update or removal). */
  reset(serviceId: string): void {
    for (const key of this.attempts.keys()) if (key.startsWith(`${serviceId}/`)) this.attempts.delete(key);
  }

  /** Cancels pending delayed starts. */
  stop(): void {
    for (const t of this.timers) t.clear();
    this.timers.clear();
  }
}

/** Identity of a slot: service + slot number, or service + node for global tasks (slot 0). */
export function slotKey(task: SwarmTask): string {
  return `${task.serviceId}/${task.slot === 0 ? (task.nodeId ?? '') : task.slot}`;
}
