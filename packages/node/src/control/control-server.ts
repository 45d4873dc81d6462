import type { Logger, Random } from '@swarmsim/interface';
import type { AssignmentSet, Manager } from '@swarmsim/swarm';
import { randomBase36, roleOfToken, type JoinTokens } from '../join-token.js';
import {
  ControlType,
  type ControlMsg,
  type HeartbeatMsg,
  type JoinMsg,
  type ServerMsg,
  type TaskStatusMsg
} from './messages.js';

/** How the server answers: a reliable send to one peer on the control channel. */
export type ControlSend = (to: string, msg: ControlMsg) => void;

/** Collaborators of a {@link ControlServer}. */
export interface ControlServerDeps {
  manager: Manager;
  tokens: JoinTokens;
  gossipKeys: () => Uint8Array[];
  send: ControlSend;
  /** Unacknowledged send for heartbeat acks (they only carry the next period). @default send */
  notify?: ControlSend;
  random: Random;
  log: Logger;
}

/**
 * The leader's end of the agent protocol (swarmkit's dispatcher gRPC service, reduced to messages): joins
 * checked against the tokens, heartbeats and task reports passed to the {@link Manager}, and each node's
 * assignment changes pushed to the peer that registered it.
 */
export class ControlServer {
  private readonly peers = new Map<string, string>();
  /** Assignment sets produced while a node's join is being answered, sent after JoinAccepted. */
  private readonly pending = new Map<string, AssignmentSet[]>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ControlServerDeps) {
    this.unsubscribe = deps.manager.events.on('assignments', (set) => this.push(set));
  }

  /** Handles one request from `from`. */
  handle(from: string, msg: ServerMsg): void {
    switch (msg.type) {
      case ControlType.Join:
        return this.join(from, msg);
      case ControlType.Heartbeat:
        return this.heartbeat(from, msg);
      case ControlType.TaskStatus:
        return this.status(msg);
    }
  }

  /** Stops pushing assignments. */
  stop(): void {
    this.unsubscribe();
  }

  private join(from: string, msg: JoinMsg): void {
    const role = roleOfToken(this.deps.tokens, msg.token);
    if (role === undefined) {
      this.deps.log.warn({ peer: from }, 'join refused: bad token');
      this.deps.send(from, { type: ControlType.JoinRejected, reason: 'invalid join token' });
      return;
    }
    // swarmkit node ids: 25 base36 characters.
    const id = randomBase36(this.deps.random, 25);
    this.peers.set(id, from);
    this.pending.set(id, []);
    const { manager } = this.deps;
    const node = manager.joinNode({ id, hostname: msg.hostname, role, addr: msg.addr, labels: msg.labels });
    const heartbeatPeriodMs = manager.dispatcherConfig.heartbeatPeriodMs;
    const ingressAddr = node.attachments[manager.ingress.id] ?? '';
    this.deps.send(from, {
      type: ControlType.JoinAccepted,
      nodeId: id,
      role,
      heartbeatPeriodMs,
      gossipKeys: this.deps.gossipKeys(),
      ingressAddr
    });
    const queued = this.pending.get(id) ?? [];
    this.pending.delete(id);
    for (const set of queued) this.deps.send(from, { type: ControlType.Assignments, set });
  }

  private heartbeat(from: string, msg: HeartbeatMsg): void {
    if (this.peers.get(msg.nodeId) !== from) return;
    const periodMs = this.deps.manager.heartbeat(msg.nodeId);
    (this.deps.notify ?? this.deps.send)(from, { type: ControlType.HeartbeatAck, periodMs });
  }

  private status(msg: TaskStatusMsg): void {
    if (!this.peers.has(msg.nodeId)) return;
    const { message, err } = msg;
    this.deps.manager.reportTaskState(msg.nodeId, msg.taskId, msg.state, {
      ...(message === undefined ? {} : { message }),
      ...(err === undefined ? {} : { err })
    });
  }

  private push(set: AssignmentSet): void {
    const queued = this.pending.get(set.nodeId);
    if (queued !== undefined) return void queued.push(set);
    const peer = this.peers.get(set.nodeId);
    if (peer !== undefined) this.deps.send(peer, { type: ControlType.Assignments, set });
  }
}
