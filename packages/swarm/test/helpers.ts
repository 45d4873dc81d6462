import { ManualClock } from '@swarmsim/clock';
import { Manager, TASK_STATE_CODE, type AssignmentSet, type ManagerInit, type TaskState } from '../src/index.js';

const START: TaskState[] = ['accepted', 'preparing', 'ready', 'starting', 'running'];

/**
 * A fake node agent: heartbeats on the dispatcher's period and acknowledges assignments by reporting each
 * state up to the desired one (ready or running), or shutdown when told to stop. `kill()` silences it.
 */
export class FakeAgent {
  alive = true;
  /** Assignment messages received, in order. */
  readonly received: AssignmentSet[] = [];

  constructor(
    private readonly manager: Manager,
    readonly nodeId: string,
    clock: ManualClock
  ) {
    manager.events.on('assignments', (set) => {
      if (set.nodeId !== nodeId || !this.alive) return;
      this.received.push(set);
      for (const c of set.changes) if (c.action === 'update') this.follow(c.assignment.taskId);
    });
    clock.setInterval(() => this.alive && manager.heartbeat(nodeId), manager.dispatcherConfig.heartbeatPeriodMs);
  }

  /** Stops heartbeating and reporting, as a crashed node does. */
  kill(): void {
    this.alive = false;
  }

  /** Reports that the task's process exited (failed, or complete with code 0). */
  exit(taskId: string, state: 'failed' | 'complete' = 'failed'): void {
    this.manager.reportTaskState(
      this.nodeId,
      taskId,
      state,
      state === 'failed' ? { err: 'task: non-zero exit (1)' } : {}
    );
  }

  private follow(taskId: string): void {
    const task = this.manager.store.get('task', taskId);
    if (task === undefined) return;
    if (TASK_STATE_CODE[task.desiredState] > TASK_STATE_CODE.running) {
      if (TASK_STATE_CODE[task.status.state] < TASK_STATE_CODE.complete) this.report(taskId, 'shutdown');
      return;
    }
    for (const state of START) {
      if (TASK_STATE_CODE[state] > TASK_STATE_CODE[task.desiredState]) break;
      if (TASK_STATE_CODE[state] > TASK_STATE_CODE[this.manager.store.get('task', taskId)!.status.state])
        this.report(taskId, state);
    }
  }

  private report(taskId: string, state: TaskState): void {
    this.manager.reportTaskState(this.nodeId, taskId, state);
  }
}

/**
 * A manager on a ManualClock with `n` nodes joined (node-1 a manager) and a fake agent on each. Heartbeat
 * jitter is off unless `init` sets it, so Down happens exactly at period × 3.
 */
export function cluster(n: number, init: ManagerInit = {}, labels: Record<string, string>[] = []) {
  const clock = new ManualClock();
  const manager = new Manager({ ...init, dispatcher: { heartbeatEpsilonMs: 0, ...init.dispatcher } }, { clock });
  const agents: FakeAgent[] = [];
  for (let i = 1; i <= n; i++) {
    const role = i === 1 ? 'manager' : 'worker';
    const node = manager.joinNode({ hostname: `node-${i}`, role, labels: labels[i - 1] ?? {}, addr: `192.168.1.${i}` });
    agents.push(new FakeAgent(manager, node.id, clock));
  }
  const nodeIds = agents.map((a) => a.nodeId);
  /** Hostname of a node id. */
  const host = (id: string | undefined) => manager.store.get('node', id ?? '')?.hostname;
  /** Tasks of a service that should run, by hostname → count. */
  const spread = (service: string) => {
    const counts: Record<string, number> = {};
    for (const t of manager.tasks(service)) {
      if (t.DesiredState === 'running' || t.DesiredState === 'ready')
        counts[host(t.NodeID) ?? '-'] = (counts[host(t.NodeID) ?? '-'] ?? 0) + 1;
    }
    return counts;
  };
  return { clock, manager, agents, nodeIds, host, spread };
}

/** The address on a network of a task view, without prefix. */
export function addrOn(
  task: { NetworksAttachments: { Network: { ID: string }; Addresses: string[] }[] },
  networkId: string
) {
  return task.NetworksAttachments.find((a) => a.Network.ID === networkId)?.Addresses[0];
}
