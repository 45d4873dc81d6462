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
 * - NETMODEL_ERR_BAD_VNI: a VXLAN network identifier outside 0–16777215 (ERANGE)
 * - NETMODEL_ERR_VNI_IN_USE: a VXLAN device with that VNI and UDP port already exists in the namespace (EEXIST)
 * - NETMODEL_ERR_BAD_LINK_OPTION: a link option (port, TTL, MTU, ageing) is outside its valid range (EINVAL)
 * - NETMODEL_ERR_FDB_ENTRY_EXISTS: `bridge fdb add` of a MAC the VXLAN device already has an entry for (EEXIST)
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
  | 'NETMODEL_ERR_SOCKET_CLOSED'
  | 'NETMODEL_ERR_BAD_VNI'
  | 'NETMODEL_ERR_VNI_IN_USE'
  | 'NETMODEL_ERR_BAD_LINK_OPTION'
  | 'NETMODEL_ERR_FDB_ENTRY_EXISTS';

/** Error of the simulated network stack, with the namespace/interface/address involved. */
export class NetmodelError extends SwarmsimError<{
  code: NetmodelErrorCode;
  namespace?: string;
  interface?: string;
  address?: string;
  /** The VXLAN network identifier involved. */
  vni?: number;
  /** The link option that was refused. */
  option?: string;
}> {}
