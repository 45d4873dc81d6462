import type { CodedErrorData } from './coded-errors.js';
import type { InProcessNodeInit } from './in-process-node.js';
import type { LogLevel, LogRecord } from '@swarmsim/log/forwarding';
import type { JoinTokens } from './join-token.js';
import type { ContainerCall } from './container-calls.js';
import type { ManagerCall } from './manager-calls.js';
import type { NodeStatus } from './node-handle.js';

/** What the main thread hands a node worker at spawn (`workerData`): plain data only. */
export interface WorkerBootData {
  node: InProcessNodeInit;
  /** Loopback address the node's ws server binds (127.0.0.1 is the fallback when binding fails). */
  host: string;
  /** Shared secret of the cluster's ws transports (checked in every upgrade request). */
  wsToken: string;
  /** Lowest level the node forwards to the main thread's logger. @default 'silent' (nothing is posted) */
  logLevel?: LogLevel;
}

/** Requests from the main thread; each carries an id its reply echoes. */
export type WorkerRequest =
  | { type: 'peers'; id: number; book: Record<string, string> }
  | { type: 'init'; id: number }
  | { type: 'join'; id: number; leader: string; token: string }
  | { type: 'status'; id: number }
  | { type: 'manager'; id: number; call: ManagerCall }
  | { type: 'containers'; id: number; call: ContainerCall }
  | { type: 'stop'; id: number };

/** Replies and notices from a node worker. */
export type WorkerReply =
  | { type: 'ready'; url: string }
  | { type: 'ok'; id: number }
  | { type: 'tokens'; id: number; tokens: JoinTokens }
  | { type: 'status-reply'; id: number; status: NodeStatus }
  /** The plain-data answer of a `manager` or `containers` call. */
  | { type: 'result'; id: number; value: unknown }
  /** A request that threw; `error` rebuilds a coded error as its own class on the main thread. */
  | { type: 'failure'; id: number; code: string; message: string; error?: CodedErrorData }
  /** A log line of the node, replayed on the main thread's pino logger (workers do not load pino). */
  | { type: 'log'; record: LogRecord };

/** Every main↔worker message. */
export type WorkerMsg = WorkerRequest | WorkerReply;

/** Which way each message type travels (STYLE.md item 8): a new type does not compile until it is listed. */
export const WORKER_MSG_DIRECTION: Readonly<Record<WorkerMsg['type'], 'main→worker' | 'worker→main'>> = {
  peers: 'main→worker',
  init: 'main→worker',
  join: 'main→worker',
  status: 'main→worker',
  manager: 'main→worker',
  containers: 'main→worker',
  stop: 'main→worker',
  ready: 'worker→main',
  ok: 'worker→main',
  tokens: 'worker→main',
  'status-reply': 'worker→main',
  result: 'worker→main',
  failure: 'worker→main',
  log: 'worker→main'
};

/** True when `msg` is a well-formed reply from a worker (anything else on the port is ignored). */
export function isWorkerReply(msg: unknown): msg is WorkerReply {
  if (typeof msg !== 'object' || msg === null) return false;
  const type = (msg as { type?: unknown }).type;
  return typeof type === 'string' && WORKER_MSG_DIRECTION[type as WorkerMsg['type']] === 'worker→main';
}
