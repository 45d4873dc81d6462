import { SwarmsimError } from '@swarmsim/interface';

/**
 * Codes of a node's standalone containers (`docker run`, `docker network create -d bridge`); messages are Docker's:
 * - CONTAINER_ERR_INVALID_REFERENCE: the image is not a reference Docker could pull ("invalid reference format")
 * - CONTAINER_ERR_NO_SUCH_CONTAINER: no container with that name or id prefix ("No such container: …")
 * - CONTAINER_ERR_NAME_CONFLICT: the container name is taken ("Conflict. The container name "/…" is already in use")
 * - CONTAINER_ERR_NO_SUCH_NETWORK: no network with that name or id ("network … not found")
 * - CONTAINER_ERR_NETWORK_EXISTS: `network create` with a name already in use ("network with name … already exists")
 * - CONTAINER_ERR_NETWORK_IN_USE: `network rm` while endpoints are attached ("… has active endpoints")
 * - CONTAINER_ERR_PREDEFINED_NETWORK: `network rm` of bridge, host or none ("… is a pre-defined network and cannot be removed")
 * - CONTAINER_ERR_IP_NOT_SUPPORTED: `--ip` on a default or subnet-less network ("user specified IP address is supported …")
 * - CONTAINER_ERR_ALIAS_NOT_SUPPORTED: `--network-alias` outside user-defined networks
 * - CONTAINER_ERR_PORT_ALLOCATED: the host port is already published ("Bind for 0.0.0.0:… failed: port is already allocated")
 * - CONTAINER_ERR_PORTS_EXHAUSTED: no free port left in the ephemeral range for `-p C`
 * - CONTAINER_ERR_BIND_FAILED: the real listener for a published port could not bind on the node's loopback address
 * - CONTAINER_ERR_CONFLICT_SHARED_NETWORK: connect with host or container: networking ("container sharing network namespace …")
 * - CONTAINER_ERR_CONFLICT_HOST_NETWORK: disconnect from host ("container cannot be disconnected from host network …")
 * - CONTAINER_ERR_CONFLICT_NO_NETWORK: connect with none networking ("… one of the networks in private (none) mode")
 * - CONTAINER_ERR_CONFLICT_PUBLISH: `-p` with container: networking ("conflicting options: port publishing and the container type network mode")
 * - CONTAINER_ERR_ALREADY_CONNECTED: connect to a network the container is on ("endpoint with name … already exists in network …")
 * - CONTAINER_ERR_NOT_CONNECTED: disconnect from a network the container is not on ("container … is not connected to network …")
 * - CONTAINER_ERR_NOT_RUNNING: `--network container:<x>` when x is not running ("cannot join network of a non running container")
 * - CONTAINER_ERR_IS_RUNNING: `rm` of a running container without force ("… container is running: stop the container before removing or force remove")
 * - CONTAINER_ERR_ENGINE_STOPPED: the node crashed or stopped, so its engine takes no more requests
 */
export type ContainerErrorCode =
  | 'CONTAINER_ERR_INVALID_REFERENCE'
  | 'CONTAINER_ERR_NO_SUCH_CONTAINER'
  | 'CONTAINER_ERR_NAME_CONFLICT'
  | 'CONTAINER_ERR_NO_SUCH_NETWORK'
  | 'CONTAINER_ERR_NETWORK_EXISTS'
  | 'CONTAINER_ERR_NETWORK_IN_USE'
  | 'CONTAINER_ERR_PREDEFINED_NETWORK'
  | 'CONTAINER_ERR_IP_NOT_SUPPORTED'
  | 'CONTAINER_ERR_ALIAS_NOT_SUPPORTED'
  | 'CONTAINER_ERR_PORT_ALLOCATED'
  | 'CONTAINER_ERR_PORTS_EXHAUSTED'
  | 'CONTAINER_ERR_BIND_FAILED'
  | 'CONTAINER_ERR_CONFLICT_SHARED_NETWORK'
  | 'CONTAINER_ERR_CONFLICT_HOST_NETWORK'
  | 'CONTAINER_ERR_CONFLICT_NO_NETWORK'
  | 'CONTAINER_ERR_CONFLICT_PUBLISH'
  | 'CONTAINER_ERR_ALREADY_CONNECTED'
  | 'CONTAINER_ERR_NOT_CONNECTED'
  | 'CONTAINER_ERR_NOT_RUNNING'
  | 'CONTAINER_ERR_IS_RUNNING'
  | 'CONTAINER_ERR_ENGINE_STOPPED';

/** Metadata of a {@link ContainerError}: the code and whichever of container, network, image, port apply. */
export type ContainerErrorType = {
  code: ContainerErrorCode;
  container?: string;
  network?: string;
  image?: string;
  port?: number;
};

/** Error of a node's container engine, with the container, network, image or port involved. */
export class ContainerError extends SwarmsimError<ContainerErrorType> {}

/** Shorthand: a {@link ContainerError} with Docker's message. */
export function containerError(type: ContainerErrorType, message: string, cause?: unknown): ContainerError {
  return new ContainerError(type, message, cause === undefined ? undefined : { cause });
}
