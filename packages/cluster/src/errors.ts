import { SwarmsimError } from '@swarmsim/interface';

/**
 * Codes of a cluster:
 * - CLUSTER_ERR_RUNTIME_UNAVAILABLE: the requested runtime cannot run with these options (`worker` with an injected clock)
 * - CLUSTER_ERR_NO_SUCH_NODE: no node with that name in the cluster
 * - CLUSTER_ERR_NO_LEADER: the spec has no node marked leader
 * - CLUSTER_ERR_NOT_CONVERGED: `waitConverged` reached its bound first; `pending` says what was missing
 * - CLUSTER_ERR_STOPPED: the cluster was stopped
 * - CLUSTER_ERR_UNSUPPORTED: the spec asks for something the simulator does not do yet (a standalone container on an overlay)
 */
export type ClusterErrorCode =
  | 'CLUSTER_ERR_RUNTIME_UNAVAILABLE'
  | 'CLUSTER_ERR_NO_SUCH_NODE'
  | 'CLUSTER_ERR_NO_LEADER'
  | 'CLUSTER_ERR_NOT_CONVERGED'
  | 'CLUSTER_ERR_STOPPED'
  | 'CLUSTER_ERR_UNSUPPORTED';

/** Metadata of a {@link ClusterError}. */
export type ClusterErrorType = {
  code: ClusterErrorCode;
  node?: string;
  runtime?: string;
  pending?: string[];
  container?: string;
  network?: string;
};

/** Error of a {@link Cluster} operation. */
export class ClusterError extends SwarmsimError<ClusterErrorType> {}
