import { isTerminal } from '../task-state.js';
import type { SwarmService } from '../types.js';
import { reconcileGlobal } from './global.js';
import { reconcileReplicated } from './replicated.js';
import { RestartSupervisor } from './restart.js';
import type { OrchestratorDeps } from './task-factory.js';
import { RollingUpdater } from './rolling-update.js';

/**
 * Keeps every service's tasks in line with its spec: restarts ended tasks under the restart policy, runs the
 * replicated or global reconciliation, and drives rolling updates. Idempotent: the manager calls `reconcile`
 * after every change.
 */
export class Orchestrator {
  /** Restart supervisor (delays, attempt counts). */
  readonly restarts: RestartSupervisor;
  private readonly updater: RollingUpdater;

  /** `wake` is called when a timer (restart delay, update delay) changes what should run. */
  constructor(
    private readonly deps: OrchestratorDeps,
    private readonly wake: () => void
  ) {
    this.restarts = new RestartSupervisor(deps);
    this.updater = new RollingUpdater(deps, wake);
  }

  /** One pass over all services. */
  reconcile(): void {
    for (const service of this.deps.store.list('service')) {
      this.restartEnded(service);
      this.updater.reconcile(service);
      if (service.spec.mode === 'global') reconcileGlobal(this.deps, service);
      else reconcileReplicated(this.deps, this.restarts, service, this.wake);
    }
  }

  /** Starts a rolling update of a service whose task template changed. */
  beginUpdate(service: SwarmService): void {
    this.restarts.reset(service.id);
    this.updater.begin(service);
  }

  /** Forgets a removed service. */
  forget(serviceId: string): void {
    this.restarts.reset(serviceId);
    this.updater.forget(serviceId);
  }

  /** Cancels timers. */
  stop(): void {
    this.restarts.stop();
    this.updater.stop();
  }

  /** Tasks that should run but ended by themselves are replaced when the restart policy allows it. */
  private restartEnded(service: SwarmService): void {
    for (const task of this.deps.store.list('task')) {
      if (task.serviceId !== service.id || task.desiredState !== 'running' || !isTerminal(task.status.state)) continue;
      if (this.restarts.shouldRestart(task, service)) this.restarts.restart(task, service, true, this.wake);
    }
  }
}
