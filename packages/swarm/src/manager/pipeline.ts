import type { Allocator } from '../allocator/allocator.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import type { Orchestrator } from '../orchestrator/orchestrator.js';
import { reapTasks } from '../orchestrator/reaper.js';
import type { OrchestratorDeps } from '../orchestrator/task-factory.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import { isRunnableDesired, TASK_STATE_MESSAGE } from '../task-state.js';

/** The parts one pass runs, in swarmkit's order. */
export interface PipelineParts {
  deps: OrchestratorDeps;
  allocator: Allocator;
  scheduler: Scheduler;
  orchestrator: Orchestrator;
  dispatcher: Dispatcher;
}

/**
 * One reconciliation pass: orchestrator (tasks to create or stop) → allocator (task addresses, new → pending)
 * → scheduler (pending → assigned, node LB addresses in assignment order) → reaper (dead tasks, history) →
 * dispatcher (assignment changes per node). Re-entrant calls (a report made inside an event handler) are
 * folded into one more pass.
 */
export class Pipeline {
  private running = false;
  private again = false;

  constructor(private readonly parts: PipelineParts) {}

  /** Runs passes until nothing asked for another one. */
  run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        this.pass();
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  private pass(): void {
    const { deps, allocator, scheduler, orchestrator, dispatcher } = this.parts;
    orchestrator.reconcile();
    this.allocateNewTasks();
    scheduler.schedule((task) => {
      for (const n of task.networks) allocator.attachNode(task.nodeId!, n.networkId);
    });
    reapTasks(deps, allocator);
    allocator.releaseIdleNodeAttachments(this.ingressId());
    dispatcher.publish();
  }

  /** Tasks get their addresses in one batch, in creation order, before they may be scheduled. */
  private allocateNewTasks(): void {
    const { deps, allocator } = this.parts;
    const ingressId = this.ingressId();
    const now = deps.clock.now();
    for (const task of deps.store.list('task')) {
      if (task.status.state !== 'new' || !isRunnableDesired(task.desiredState)) continue;
      const service = deps.store.get('service', task.serviceId);
      if (service === undefined) continue;
      const networks = allocator.allocateTask(service, ingressId);
      deps.store.update('task', task.id, (t) => {
        t.networks = networks;
        t.status = { state: 'pending', timestamp: now, message: TASK_STATE_MESSAGE.pending };
        t.transitions.push({ state: 'pending', timestamp: now });
      });
    }
  }

  private ingressId(): string {
    return this.parts.deps.store.list('network').find((n) => n.ingress)?.id ?? '';
  }
}
