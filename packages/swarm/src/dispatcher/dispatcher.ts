import { Emitter, type Clock, type Random, type TimerHandle } from '@swarmsim/interface';
import { SwarmError } from '../errors.js';
import type { Store } from '../store/store.js';
import { isAfter, isTerminal, TASK_STATE_CODE, TASK_STATE_MESSAGE, type TaskState } from '../task-state.js';
import { toAssignment, type AssignmentChange, type AssignmentSet } from './assignments.js';
import type { DispatcherConfig } from './presets.js';

/** Events of the {@link Dispatcher}. */
export type DispatcherEvents = {
  /** Changes of one node's assignments, in order. */
  assignments: [AssignmentSet];
  /** A node missed its heartbeats and is now Down. */
  'node:down': [string];
  /** A node (re)gained status ready. */
  'node:ready': [string];
};

/** Optional details of a task status report. */
export interface TaskReport {
  message?: string;
  err?: string;
}

/**
 * swarmkit's dispatcher: tracks node heartbeats (Down after period × multiplier, "heartbeat failure"),
 * streams per-node assignment changes and applies task status reports, forward only.
 */
export class Dispatcher {
  /** Typed events. */
  readonly events = new Emitter<DispatcherEvents>();
  /** Reports refused because they would move a task backwards, or came from the wrong node. */
  ignoredReports = 0;
  private readonly timers = new Map<string, TimerHandle>();
  private readonly orphanTimers = new Map<string, TimerHandle>();
  private readonly sent = new Map<string, Map<string, string>>();
  /** Nodes whose session (re)started: their next message is a complete set. */
  private readonly resync = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly config: DispatcherConfig,
    private readonly onChange: () => void,
    private readonly random: Random
  ) {}

  /**
   * A heartbeat (or registration): the node is ready and its Down deadline moves to `period × multiplier`,
   * with `period` jittered as swarmkit's period chooser does; returns that period for the node's next beat.
   */
  heartbeat(nodeId: string): number {
    const node = this.store.get('node', nodeId);
    if (node === undefined) throw new SwarmError({ code: 'SWARM_ERR_UNKNOWN_NODE', nodeId });
    this.timers.get(nodeId)?.clear();
    this.orphanTimers.get(nodeId)?.clear();
    this.orphanTimers.delete(nodeId);
    const { heartbeatPeriodMs, heartbeatEpsilonMs, downMultiplier } = this.config;
    const period = Math.round(heartbeatPeriodMs + (this.random() * 2 - 1) * heartbeatEpsilonMs);
    this.timers.set(
      nodeId,
      this.clock.setTimeout(() => this.expire(nodeId), period * downMultiplier)
    );
    if (node.status.state !== 'ready') {
      this.resync.add(nodeId);
      this.store.update('node', nodeId, (n) => (n.status = { state: 'ready', message: '' }));
      this.events.emit('node:ready', nodeId);
      this.onChange();
    }
    return period;
  }

  /** Applies a task status report from a node; returns false (and counts it) when it is ignored. */
  report(nodeId: string, taskId: string, state: TaskState, details: TaskReport = {}): boolean {
    if (this.store.get('node', nodeId) === undefined) throw new SwarmError({ code: 'SWARM_ERR_UNKNOWN_NODE', nodeId });
    const task = this.store.get('task', taskId);
    if (task === undefined || task.nodeId !== nodeId || !isAfter(state, task.status.state)) {
      this.ignoredReports++;
      return false;
    }
    const now = this.clock.now();
    this.store.update('task', taskId, (t) => {
      t.status = { state, timestamp: now, message: details.message ?? TASK_STATE_MESSAGE[state] };
      if (details.err !== undefined) t.status.err = details.err;
      t.transitions.push({ state, timestamp: now });
    });
    this.onChange();
    return true;
  }

  /** Emits, per node, the assignments that changed since the last call (everything, after a resync). */
  publish(): void {
    const current = new Map<string, Map<string, string>>();
    const changes = new Map<string, AssignmentChange[]>();
    for (const task of this.store.list('task')) {
      const assignment = toAssignment(this.store, task);
      if (assignment === undefined) continue;
      const nodeId = task.nodeId!;
      const sig = JSON.stringify([assignment.desiredState, assignment.networks]);
      current.set(nodeId, (current.get(nodeId) ?? new Map()).set(task.id, sig));
      const fresh = this.resync.has(nodeId) || this.sent.get(nodeId)?.get(task.id) !== sig;
      if (fresh) push(changes, nodeId, { action: 'update', assignment });
    }
    for (const [nodeId, tasks] of this.sent) {
      if (this.resync.has(nodeId)) continue;
      for (const taskId of tasks.keys()) {
        if (!current.get(nodeId)?.has(taskId)) push(changes, nodeId, { action: 'remove', taskId });
      }
    }
    this.sent.clear();
    for (const [nodeId, tasks] of current) this.sent.set(nodeId, tasks);
    const complete = [...this.resync];
    this.resync.clear();
    for (const nodeId of complete) {
      this.events.emit('assignments', { nodeId, type: 'complete', changes: changes.get(nodeId) ?? [] });
    }
    for (const [nodeId, list] of changes) {
      if (!complete.includes(nodeId)) this.events.emit('assignments', { nodeId, type: 'incremental', changes: list });
    }
  }

  /** Stops tracking a node (it left). */
  forget(nodeId: string): void {
    for (const map of [this.timers, this.orphanTimers]) {
      map.get(nodeId)?.clear();
      map.delete(nodeId);
    }
  }

  /** Cancels every timer. */
  stop(): void {
    for (const map of [this.timers, this.orphanTimers]) {
      for (const t of map.values()) t.clear();
      map.clear();
    }
  }

  private expire(nodeId: string): void {
    this.timers.delete(nodeId);
    if (this.store.get('node', nodeId) === undefined) return;
    this.store.update('node', nodeId, (n) => (n.status = { state: 'down', message: 'heartbeat failure' }));
    this.events.emit('node:down', nodeId);
    this.orphanTimers.set(
      nodeId,
      this.clock.setTimeout(() => this.orphan(nodeId), this.config.orphanAfterMs)
    );
    this.onChange();
  }

  /** swarmkit moveTasksToOrphaned: nobody knows whether a long-Down node's tasks still run. */
  private orphan(nodeId: string): void {
    this.orphanTimers.delete(nodeId);
    const now = this.clock.now();
    for (const task of this.store.list('task')) {
      const placed = TASK_STATE_CODE[task.status.state] >= TASK_STATE_CODE.assigned;
      if (task.nodeId !== nodeId || !placed || isTerminal(task.status.state)) continue;
      this.store.update('task', task.id, (t) => {
        t.status = { state: 'orphaned', timestamp: now, message: TASK_STATE_MESSAGE.orphaned };
        t.transitions.push({ state: 'orphaned', timestamp: now });
      });
    }
    this.onChange();
  }
}

function push(map: Map<string, AssignmentChange[]>, nodeId: string, change: AssignmentChange): void {
  map.set(nodeId, [...(map.get(nodeId) ?? []), change]);
}
