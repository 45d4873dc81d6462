import { SwarmsimError } from '@swarmsim/interface';

/**
 * Codes of the network stack itself (TCP and netfilter have their own errors.ts; IPAM is in @swarmsim/addr):
 * - NETMODEL_ERR_NAMESPACE_EXISTS: a namespace with that name already exists in the fabric
 * - NETMODEL_ERR_NO_SUCH_NAMESPACE: no namespace with that name
 * - NETMODEL_ERR_INTERFACE_EXISTS: an interface with that name already exists in the namespace
 * - NETMODEL_ERR_NO_SUCH_INTERFACE: no interface with that name in the namespace
 * - NETMODEL_ERR_BAD_ADDRESS: an address, CIDR or MAC string is invalid
 * - NETMODEL_ERR_NOT_A_BRIDGE: a port was attached to something that is not a bridge
 * - NETMODEL_ERR_NETWORK_UNREACHABLE: no route to the destination (ENETUNREACH)
 * - NETMODEL_ERR_ADDRESS_IN_USE: a UDP port is already bound (EADDRINUSE)
 * - NETMODEL_ERR_ADDRESS_NOT_AVAILABLE: binding to an address the namespace does not have (EADDRNOTAVAIL)
 * - NETMODEL_ERR_MESSAGE_TOO_LONG: a datagram larger than the outgoing MTU (EMSGSIZE; no fragmentation)
 * - NETMODEL_ERR_SOCKET_CLOSED: a send on a closed socket
 */
export type NetmodelErrorCode =
  | 'NETMODEL_ERR_NAMESPACE_EXISTS'
  | 'NETMODEL_ERR_NO_SUCH_NAMESPACE'
  | 'NETMODEL_ERR_INTERFACE_EXISTS'
  | 'NETMODEL_ERR_NO_SUCH_INTERFACE'
  | 'NETMODEL_ERR_BAD_ADDRESS'
  | 'NETMODEL_ERR_NOT_A_BRIDGE'
  | 'NETMODEL_ERR_NETWORK_UNREACHABLE'
  | 'NETMODEL_ERR_ADDRESS_IN_USE'
  | 'NETMODEL_ERR_ADDRESS_NOT_AVAILABLE'
  | 'NETMODEL_ERR_MESSAGE_TOO_LONG'
  | 'NETMODEL_ERR_SOCKET_CLOSED';

/** Error of the simulated network stack, with the namespace/interface/address involved. */
export class NetmodelError extends SwarmsimError<{
  code: NetmodelErrorCode;
  namespace?: string;
  interface?: string;
  address?: string;
}> {}
