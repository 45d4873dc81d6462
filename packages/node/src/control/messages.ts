import type { AssignmentSet, TaskState } from '@swarmsim/swarm';
import { Packr } from 'msgpackr';
import { NodeError } from '../errors.js';

/** Control-protocol message types. // ONLY APPEND: values are on the wire. */
export enum ControlType {
  Join = 1,
  JoinAccepted = 2,
  JoinRejected = 3,
  Heartbeat = 4,
  HeartbeatAck = 5,
  Assignments = 6,
  TaskStatus = 7
}

/** Agent → leader: `docker swarm join --token` with what the node advertises. */
export interface JoinMsg {
  type: ControlType.Join;
  token: string;
  hostname: string;
  addr: string;
  labels: Record<string, string>;
}

/** Leader → agent: the node's id, heartbeat period, gossip keys and ingress LB address. */
export interface JoinAcceptedMsg {
  type: ControlType.JoinAccepted;
  nodeId: string;
  role: 'manager' | 'worker';
  heartbeatPeriodMs: number;
  gossipKeys: Uint8Array[];
  /** The node's address on `ingress`, with prefix (the ingress-sbox address). */
  ingressAddr: string;
}

/** Leader → agent: the token was refused. */
export interface JoinRejectedMsg {
  type: ControlType.JoinRejected;
  reason: string;
}

/** Agent → leader: liveness. */
export interface HeartbeatMsg {
  type: ControlType.Heartbeat;
  nodeId: string;
}

/** Leader → agent: when to beat next (swarmkit returns the period with every heartbeat). */
export interface HeartbeatAckMsg {
  type: ControlType.HeartbeatAck;
  periodMs: number;
}

/** Leader → agent: a change of the node's assignments. */
export interface AssignmentsMsg {
  type: ControlType.Assignments;
  set: AssignmentSet;
}

/** Agent → leader: a task reached a state. */
export interface TaskStatusMsg {
  type: ControlType.TaskStatus;
  nodeId: string;
  taskId: string;
  state: TaskState;
  message?: string;
  /** Why the task failed or was rejected (swarmkit `TaskStatus.Err`). */
  err?: string;
}

/** Every control message, discriminated on `type`. */
export type ControlMsg =
  JoinMsg | JoinAcceptedMsg | JoinRejectedMsg | HeartbeatMsg | HeartbeatAckMsg | AssignmentsMsg | TaskStatusMsg;

/** Messages the leader's control server handles (the rest go to the agent). */
export type ServerMsg = JoinMsg | HeartbeatMsg | TaskStatusMsg;

/** Envelope version; bumped only if the envelope itself changes. */
const VERSION = 1;
const packr = new Packr({ useRecords: false });

/** Encodes a control message as `{ v, m }` msgpack bytes. */
export function encodeControl(msg: ControlMsg): Uint8Array {
  return packr.pack({ v: VERSION, m: msg });
}

/** Decodes control bytes; throws NODE_ERR_BAD_MESSAGE for anything that is not a known message. */
export function decodeControl(bytes: Uint8Array, node = ''): ControlMsg {
  let decoded: unknown;
  try {
    decoded = packr.unpack(bytes);
  } catch (cause) {
    throw new NodeError({ code: 'NODE_ERR_BAD_MESSAGE', node, reason: 'not msgpack' }, 'bad control message', {
      cause
    });
  }
  const env = decoded as { v?: unknown; m?: { type?: unknown } } | null;
  const type = env?.m?.type;
  if (env?.v !== VERSION || typeof type !== 'number' || ControlType[type] === undefined) {
    throw new NodeError(
      { code: 'NODE_ERR_BAD_MESSAGE', node, reason: 'unknown envelope or type' },
      'bad control message'
    );
  }
  return env.m as ControlMsg;
}

/** True for the requests the leader's control server answers. */
export function isServerMsg(msg: ControlMsg): msg is ServerMsg {
  return msg.type === ControlType.Join || msg.type === ControlType.Heartbeat || msg.type === ControlType.TaskStatus;
}
