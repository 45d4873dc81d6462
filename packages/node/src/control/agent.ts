import type { Clock, Logger, TimerHandle } from '@swarmsim/interface';
import type { TaskReport, TaskState } from '@swarmsim/swarm';
import { NodeError } from '../errors.js';
import type { TaskRunner } from '../task-runner.js';
import { ControlType, type ControlMsg, type JoinAcceptedMsg, type JoinMsg } from './messages.js';

/** Sends one control message reliably; the promise rejects when the peer is unreachable. */
export type ReliableSend = (to: string, msg: ControlMsg) => Promise<void>;

/** Collaborators of an {@link Agent}. */
export interface AgentDeps {
  node: string;
  clock: Clock;
  send: ReliableSend;
  /**
   * Unacknowledged send for heartbeats: they repeat every period and a lost one is covered by the next (the grace
   * is 3 periods), so transport acks would only double the leader's message load. @default send
   */
  notify?: (to: string, msg: ControlMsg) => void;
  log: Logger;
}

/** What the agent tells the leader about its node when it joins. */
export type JoinInfo = Omit<JoinMsg, 'type' | 'token'>;

/**
 * The node's swarmkit agent: registers with the leader using a join token, heartbeats at the period the
 * leader asks for, hands assignment sets to the {@link TaskRunner} and reports its task states.
 */
export class Agent {
  private leader: string | undefined;
  private id: string | undefined;
  private periodMs = 0;
  private timer: TimerHandle | undefined;
  private runner: TaskRunner | undefined;
  private waiting: { resolve: (m: JoinAcceptedMsg) => void; reject: (e: Error) => void } | undefined;

  constructor(private readonly deps: AgentDeps) {}

  /** The node id the leader gave this node, once joined. */
  get nodeId(): string | undefined {
    return this.id;
  }

  /**
   * Sends the join request; resolves with the leader's acceptance. Rejects NODE_ERR_JOIN_REJECTED when the leader
   * refused it, NODE_ERR_LEADER_UNREACHABLE when the request could not be delivered (worth retrying).
   */
  join(leader: string, token: string, info: JoinInfo): Promise<JoinAcceptedMsg> {
    this.leader = leader;
    return new Promise<JoinAcceptedMsg>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.deps.send(leader, { type: ControlType.Join, token, ...info }).catch((err: unknown) => {
        this.fail(err instanceof Error ? err.message : 'unreachable', 'NODE_ERR_LEADER_UNREACHABLE');
      });
    });
  }

  /** Starts running assignments with `runner` (set once the node's sandboxes exist). */
  attach(runner: TaskRunner): void {
    this.runner = runner;
  }

  /** Handles one message from the leader. */
  handle(msg: ControlMsg): void {
    switch (msg.type) {
      case ControlType.JoinAccepted:
        this.id = msg.nodeId;
        this.periodMs = msg.heartbeatPeriodMs;
        this.schedule();
        this.waiting?.resolve(msg);
        this.waiting = undefined;
        return;
      case ControlType.JoinRejected:
        return this.fail(msg.reason);
      case ControlType.HeartbeatAck:
        this.periodMs = msg.periodMs;
        return;
      case ControlType.Assignments:
        this.runner?.apply(msg.set);
        return;
      default:
        this.deps.log.warn({ type: msg.type }, 'unexpected control message');
    }
  }

  /** Reports a task state to the leader (dropped silently when it cannot be reached, like a lost stream). */
  report(taskId: string, state: TaskState, details: TaskReport = {}): void {
    if (this.leader === undefined || this.id === undefined) return;
    const msg: ControlMsg = { type: ControlType.TaskStatus, nodeId: this.id, taskId, state };
    if (details.message !== undefined) msg.message = details.message;
    if (details.err !== undefined) msg.err = details.err;
    // running/failed/rejected are what an operator looks for; the intermediate states are debug detail.
    const level = state === 'failed' || state === 'rejected' ? 'warn' : state === 'running' ? 'info' : 'debug';
    this.deps.log[level]({ taskId, state, ...details }, `task ${state}`);
    this.deps.send(this.leader, msg).catch(() => this.deps.log.debug({ taskId, state }, 'report lost'));
  }

  /** Stops heartbeating. */
  stop(): void {
    this.timer?.clear();
    this.timer = undefined;
    this.fail('agent stopped');
  }

  private schedule(): void {
    this.timer = this.deps.clock.setTimeout(() => this.beat(), this.periodMs);
  }

  // Beat on our own timer rather than on the ack, so a lost ack or a dead leader does not stop the heartbeats.
  private beat(): void {
    if (this.leader === undefined || this.id === undefined) return;
    const beat: ControlMsg = { type: ControlType.Heartbeat, nodeId: this.id };
    if (this.deps.notify !== undefined) this.deps.notify(this.leader, beat);
    else this.deps.send(this.leader, beat).catch(() => this.deps.log.debug({}, 'heartbeat lost'));
    this.schedule();
  }

  private fail(
    reason: string,
    code: 'NODE_ERR_JOIN_REJECTED' | 'NODE_ERR_LEADER_UNREACHABLE' = 'NODE_ERR_JOIN_REJECTED'
  ): void {
    const message =
      code === 'NODE_ERR_JOIN_REJECTED' ? `join refused: ${reason}` : `could not reach the leader: ${reason}`;
    this.waiting?.reject(new NodeError({ code, node: this.deps.node, reason }, message));
    this.waiting = undefined;
  }
}
