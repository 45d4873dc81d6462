import type { TimerHandle } from '@swarmsim/interface';
import { isRunnableDesired, TASK_STATE_CODE } from '../task-state.js';
import type { SwarmService, SwarmTask } from '../types.js';
import { createTask, shutdownTask, type OrchestratorDeps } from './task-factory.js';

/** Per-service progress of an update. */
interface UpdateRun {
  /** Clock time before which the next batch must not start (update delay). */
  notBefore: number;
  /** Delay still to wait once the current batch runs. */
  pendingDelay: number;
  /** start-first: new task id → the old task it replaces once running. */
  replacing: Map<string, string>;
  timer?: TimerHandle;
}

/**
 * swarmkit's updater: tasks made from an older spec are replaced `parallelism` at a time, stop-first (the old
 * task is shut down and the orchestrator fills the slot) or start-first (the new task starts beside the old
 * one); the next batch waits until the batch runs, plus `delay`. A new task that fails pauses the update.
 */
export class RollingUpdater {
  private readonly runs = new Map<string, UpdateRun>();

  constructor(
    private readonly deps: OrchestratorDeps,
    private readonly wake: () => void
  ) {}

  /** Marks the service `updating`. */
  begin(service: SwarmService): void {
    this.forget(service.id);
    this.runs.set(service.id, { notBefore: 0, pendingDelay: 0, replacing: new Map() });
    const startedAt = this.deps.clock.now();
    this.deps.store.update('service', service.id, (s) => {
      s.updateStatus = { state: 'updating', startedAt, message: 'update in progress' };
    });
  }

  /** Advances the update of one service by at most one batch. */
  reconcile(service: SwarmService): void {
    const run = this.runs.get(service.id);
    if (run === undefined || service.updateStatus?.state !== 'updating') return;
    const tasks = this.deps.store.list('task').filter((t) => t.serviceId === service.id);
    const fresh = tasks.filter((t) => t.specVersion === service.specVersion);
    const failed = fresh.find((t) => t.status.state === 'failed' || t.status.state === 'rejected');
    if (failed !== undefined) {
      return this.finish(service, 'paused', `update paused due to failure or early termination of task ${failed.id}`);
    }
    this.retireReplaced(run, tasks);
    const starting = (t: SwarmTask) => TASK_STATE_CODE[t.status.state] < TASK_STATE_CODE.running;
    const inFlight = fresh.some((t) => isRunnableDesired(t.desiredState) && starting(t));
    if (inFlight || run.replacing.size > 0) return;
    const stale = tasks.filter((t) => t.specVersion < service.specVersion && isRunnableDesired(t.desiredState));
    if (stale.length === 0) return this.finish(service, 'completed', 'update completed');
    if (run.pendingDelay > 0) return this.arm(run);
    if (this.deps.clock.now() < run.notBefore) return;
    this.startBatch(service, run, stale);
  }

  /** Drops the run of a service. */
  forget(serviceId: string): void {
    this.runs.get(serviceId)?.timer?.clear();
    this.runs.delete(serviceId);
  }

  /** Cancels timers. */
  stop(): void {
    for (const id of [...this.runs.keys()]) this.forget(id);
  }

  private startBatch(service: SwarmService, run: UpdateRun, stale: SwarmTask[]): void {
    const cfg = service.spec.updateConfig ?? {};
    const parallelism = cfg.parallelism ?? 1;
    const batch = [...stale].sort((a, b) => a.slot - b.slot).slice(0, parallelism === 0 ? stale.length : parallelism);
    for (const old of batch) {
      if (cfg.order === 'start-first') {
        const fresh = createTask(this.deps, service, old.slot, 'running', old.slot === 0 ? old.nodeId : undefined);
        run.replacing.set(fresh.id, old.id);
      } else {
        shutdownTask(this.deps, old);
      }
    }
    run.pendingDelay = cfg.delayMs ?? 0;
  }

  /** The batch runs: the next one may start after the update delay; the timer wakes the manager then. */
  private arm(run: UpdateRun): void {
    run.notBefore = this.deps.clock.now() + run.pendingDelay;
    run.timer = this.deps.clock.setTimeout(this.wake, run.pendingDelay);
    run.pendingDelay = 0;
  }

  /** start-first: once a new task runs, its predecessor is shut down. */
  private retireReplaced(run: UpdateRun, tasks: SwarmTask[]): void {
    for (const [freshId, oldId] of run.replacing) {
      const fresh = tasks.find((t) => t.id === freshId);
      if (fresh !== undefined && fresh.status.state !== 'running') continue;
      const old = tasks.find((t) => t.id === oldId);
      if (old !== undefined) shutdownTask(this.deps, old);
      run.replacing.delete(freshId);
    }
  }

  private finish(service: SwarmService, state: 'completed' | 'paused', message: string): void {
    const completedAt = this.deps.clock.now();
    this.deps.store.update('service', service.id, (s) => {
      s.updateStatus = { state, startedAt: s.updateStatus?.startedAt ?? completedAt, completedAt, message };
    });
    this.forget(service.id);
  }
}
