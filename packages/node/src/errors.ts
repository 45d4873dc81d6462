import { SwarmsimError } from '@swarmsim/interface';

/**
 * Codes of a swarm node:
 * - NODE_ERR_INVALID_TOKEN: the join token is not `SWMTKN-1-<50 base36>-<25 base36>` ("invalid join token")
 * - NODE_ERR_JOIN_REJECTED: the leader refused the join (wrong secret, or another cluster's CA digest)
 * - NODE_ERR_LEADER_UNREACHABLE: the join request could not be delivered to the leader (connection refused or timed out)
 * - NODE_ERR_ALREADY_IN_SWARM: init or join on a node that is already part of a swarm
 * - NODE_ERR_NOT_IN_SWARM: an operation that needs a swarm on a node that has not initialised or joined one
 * - NODE_ERR_NOT_MANAGER: manager-only access on a node that does not run the leader manager
 * - NODE_ERR_BAD_MESSAGE: a control-protocol message that does not decode to a known message
 * - NODE_ERR_WORKER_FAILED: a request failed inside a node worker; `reason` holds the worker-side code
 * - NODE_ERR_WORKER_EXITED: the node worker is gone (terminated, crashed or failed to boot), so nothing answers
 * - NODE_ERR_WORKER_TIMEOUT: a node worker did not answer a request within `requestTimeoutMs`
 */
export type NodeErrorCode =
  | 'NODE_ERR_INVALID_TOKEN'
  | 'NODE_ERR_JOIN_REJECTED'
  | 'NODE_ERR_LEADER_UNREACHABLE'
  | 'NODE_ERR_ALREADY_IN_SWARM'
  | 'NODE_ERR_NOT_IN_SWARM'
  | 'NODE_ERR_NOT_MANAGER'
  | 'NODE_ERR_BAD_MESSAGE'
  | 'NODE_ERR_WORKER_FAILED'
  | 'NODE_ERR_WORKER_EXITED'
  | 'NODE_ERR_WORKER_TIMEOUT';

/** Metadata of a {@link NodeError}. */
export type NodeErrorType = { code: NodeErrorCode; node: string; reason?: string };

/** Error of a swarm node, naming the node it happened on. */
export class NodeError extends SwarmsimError<NodeErrorType> {}

/**
 * A coded error thrown inside a node worker whose class the main thread does not know; it keeps the worker-side
 * `code`. Known classes (SwarmError, ContainerError, NodeError …) are rebuilt as themselves instead.
 */
export class RemoteError extends SwarmsimError<{ code: string; node: string }> {}
