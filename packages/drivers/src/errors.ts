import { SwarmsimError } from '@swarmsim/interface';

/**
 * Codes of the network drivers:
 * - DRIVER_ERR_NETWORK_EXISTS: a network with that name already exists on the host
 * - DRIVER_ERR_NO_SUCH_NETWORK: no network with that name on the host
 * - DRIVER_ERR_NETWORK_IN_USE: the network still has endpoints (Docker: "network has active endpoints")
 * - DRIVER_ERR_PORT_ALLOCATED: the host port is already published ("port is already allocated")
 * - DRIVER_ERR_PORTS_EXHAUSTED: every port of the ephemeral range is published ("all ports are allocated")
 * - DRIVER_ERR_NOT_IN_SUBNET: an overlay endpoint, peer or gateway address outside the network's subnet
 *   (libnetwork: "couldn't find the subnet")
 */
export type DriverErrorCode =
  | 'DRIVER_ERR_NETWORK_EXISTS'
  | 'DRIVER_ERR_NO_SUCH_NETWORK'
  | 'DRIVER_ERR_NETWORK_IN_USE'
  | 'DRIVER_ERR_PORT_ALLOCATED'
  | 'DRIVER_ERR_PORTS_EXHAUSTED'
  | 'DRIVER_ERR_NOT_IN_SUBNET';

/** Error of a network driver, with the network or port involved. */
export class DriverError extends SwarmsimError<{
  code: DriverErrorCode;
  network?: string;
  port?: number;
  address?: string;
}> {}
