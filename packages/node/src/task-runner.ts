import { findApp, type AppProcess } from '@swarmsim/apps';
import type { BridgeEndpoint, DockerHost } from '@swarmsim/drivers';
import type { Logger } from '@swarmsim/interface';
import type { OverlayAttachments } from './overlay-attachments.js';
import type { ServiceDns } from './service-dns.js';
import type { Fabric, Namespace } from '@swarmsim/netmodel';
import { TASK_STATE_CODE, type Assignment, type AssignmentSet, type TaskReport, type TaskState } from '@swarmsim/swarm';

/** Sends a task state report to the manager (`err` is what `docker service ps` shows under ERROR). */
export type ReportFn = (taskId: string, state: TaskState, details?: TaskReport) => void;

/** A task this node runs (or prepared). */
export interface LocalTask {
  assignment: Assignment;
  /** The container's namespace, `<service>.<slot>.<taskId>`. */
  ns: Namespace;
  /** Its docker_gwbridge endpoint. */
  gateway: BridgeEndpoint;
  process?: AppProcess;
  state: TaskState;
}

/** What the runner needs from its node. */
export interface TaskRunnerDeps {
  fabric: Fabric;
  host: DockerHost;
  nodeId: () => string;
  report: ReportFn;
  /** Attaches a task to its overlay networks (and detaches it again). */
  overlays: Pick<OverlayAttachments, 'attach' | 'detach'>;
  /** Publishes a task in service discovery and gives it its embedded DNS (and takes both away). */
  dns: Pick<ServiceDns, 'attach' | 'detach'>;
  log: Logger;
}

const GWBRIDGE = 'docker_gwbridge';

/**
 * The agent's executor: applies assignment sets by creating, starting and removing task containers,
 * and reports each state change (accepted → preparing → ready → starting → running, then shutdown).
 */
export class TaskRunner {
  private readonly tasks = new Map<string, LocalTask>();
  /** Tasks already shut down here, so a repeated shutdown assignment is reported only once. */
  private readonly finished = new Set<string>();

  constructor(private readonly deps: TaskRunnerDeps) {}

  /** Applies one assignment message; a complete set also removes every task it does not list. */
  apply(set: AssignmentSet): void {
    if (set.type === 'complete') {
      const listed = new Set(set.changes.flatMap((c) => (c.action === 'update' ? [c.assignment.taskId] : [])));
      for (const id of [...this.tasks.keys()]) if (!listed.has(id)) this.teardown(id);
    }
    for (const change of set.changes) {
      if (change.action === 'remove') this.teardown(change.taskId);
      else this.reconcile(change.assignment);
    }
  }

  /** Tasks on this node, by task id. */
  list(): LocalTask[] {
    return [...this.tasks.values()];
  }

  /** Stops every task (node shutdown); reports nothing, as a dying engine does not. */
  stopAll(): void {
    for (const id of [...this.tasks.keys()]) this.teardown(id);
  }

  private reconcile(a: Assignment): void {
    const code = TASK_STATE_CODE[a.desiredState];
    if (code > TASK_STATE_CODE.running) return this.shutdown(a.taskId);
    if (this.finished.has(a.taskId)) return;
    const task = this.tasks.get(a.taskId) ?? this.prepare(a);
    if (task !== undefined && a.desiredState === 'running' && task.state === 'ready') this.start(task);
  }

  private prepare(a: Assignment): LocalTask | undefined {
    const { report, fabric, host } = this.deps;
    report(a.taskId, 'accepted');
    report(a.taskId, 'preparing');
    const slot = a.slot === 0 ? this.deps.nodeId() : String(a.slot);
    const ns = fabric.createNamespace(`${a.serviceName}.${slot}.${a.taskId}`);
    // Overlay networks come first (eth0, eth1, …), docker_gwbridge last, as in a real task container.
    try {
      this.deps.overlays.attach(a.taskId, ns, a.networks);
      this.deps.dns.attach(a, ns);
    } catch (err) {
      this.deps.dns.detach(a.taskId);
      this.deps.overlays.detach(a.taskId);
      fabric.deleteNamespace(ns.name);
      this.finished.add(a.taskId);
      report(a.taskId, 'rejected', { err: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
    const gateway = host.bridges.connect(ns, GWBRIDGE);
    const task: LocalTask = { assignment: a, ns, gateway, state: 'ready' };
    this.tasks.set(a.taskId, task);
    report(a.taskId, 'ready');
    return task;
  }

  private start(task: LocalTask): void {
    const { taskId, image, env } = task.assignment;
    this.deps.report(taskId, 'starting');
    try {
      const app = findApp(image);
      task.process = app.start({ ns: task.ns, hostname: taskId.slice(0, 12), env: envRecord(env) });
    } catch (err) {
      this.deps.log.warn({ task: taskId, image }, 'task failed to start');
      this.teardown(taskId);
      // swarmkit agent/exec controller: the error goes to Status.Err; the message stays the state's own.
      this.deps.report(taskId, 'rejected', { err: err instanceof Error ? err.message : String(err) });
      return;
    }
    task.state = 'running';
    this.deps.report(taskId, 'running');
  }

  private shutdown(taskId: string): void {
    if (this.finished.has(taskId)) return;
    this.teardown(taskId);
    this.deps.report(taskId, 'shutdown');
  }

  private teardown(taskId: string): void {
    this.finished.add(taskId);
    const task = this.tasks.get(taskId);
    if (task === undefined) return;
    this.tasks.delete(taskId);
    // Docker: a stopping task leaves DNS before its endpoints go.
    this.deps.dns.detach(taskId);
    task.process?.stop();
    this.deps.overlays.detach(taskId);
    this.deps.host.bridges.disconnect(task.gateway);
    this.deps.fabric.deleteNamespace(task.ns.name);
  }
}

/** `["K=V", …]` → `{ K: "V" }`. */
function envRecord(env: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of env) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}
