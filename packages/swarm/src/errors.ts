// Error codes of the swarm control plane (copied into docs/errors.md):
// SWARM_ERR_PORT_IN_USE: an ingress published port is already used by another service (Docker's message)
// SWARM_ERR_DNSRR_INGRESS: a dnsrr service publishes a port in ingress mode (Docker refuses the combination)
// SWARM_ERR_PORTS_EXHAUSTED: no free port left in the dynamic ingress range 30000–32767
// SWARM_ERR_VNI_EXHAUSTED: every VXLAN id of the range is in use
// SWARM_ERR_NOT_FOUND: no node, network or service with that id or name
// SWARM_ERR_NAME_CONFLICT: a service or network with that name already exists
// SWARM_ERR_NETWORK_IN_USE: removing a network that services still use, or removing `ingress`
// SWARM_ERR_INVALID_CONSTRAINT: a placement constraint is not `node.<attr> ==|!= <value>`
// SWARM_ERR_INVALID_SPEC: a service spec is inconsistent (negative replicas, replicas on a global service …)
// SWARM_ERR_UNKNOWN_NODE: a heartbeat or task report from a node that never joined
import { SwarmsimError } from '@swarmsim/interface';

/** Kind of store object an error is about. */
export type ObjectKind = 'node' | 'network' | 'service' | 'task';

/** Metadata of a {@link SwarmError}, discriminated on `code`. */
export type SwarmErrorType =
  | { code: 'SWARM_ERR_PORT_IN_USE'; port: number; protocol: string; serviceName: string; serviceId: string }
  | { code: 'SWARM_ERR_DNSRR_INGRESS'; port: number }
  | { code: 'SWARM_ERR_PORTS_EXHAUSTED'; protocol: string }
  | { code: 'SWARM_ERR_VNI_EXHAUSTED' }
  | { code: 'SWARM_ERR_NOT_FOUND'; kind: ObjectKind; ref: string }
  | { code: 'SWARM_ERR_NAME_CONFLICT'; kind: ObjectKind; name: string }
  | { code: 'SWARM_ERR_NETWORK_IN_USE'; network: string; services: string[] }
  | { code: 'SWARM_ERR_INVALID_CONSTRAINT'; constraint: string }
  | { code: 'SWARM_ERR_INVALID_SPEC'; field: string; reason: string }
  | { code: 'SWARM_ERR_UNKNOWN_NODE'; nodeId: string };

/** Stable codes of {@link SwarmError}. */
export type SwarmErrorCode = SwarmErrorType['code'];

/** Error of the swarm control plane; messages follow Docker's wording where Docker has one. */
export class SwarmError extends SwarmsimError<SwarmErrorType> {
  constructor(type: SwarmErrorType, message?: string) {
    super(type, message ?? defaultMessage(type));
  }
}

/** Docker's text for the errors Docker users see, a plain description otherwise. */
function defaultMessage(t: SwarmErrorType): string {
  switch (t.code) {
    case 'SWARM_ERR_PORT_IN_USE':
      return `port '${t.port}' is already in use by service '${t.serviceName}' (${t.serviceId}) as an ingress port`;
    case 'SWARM_ERR_DNSRR_INGRESS':
      return "port published with ingress mode can't be used with dnsrr mode";
    case 'SWARM_ERR_NOT_FOUND':
      return `${t.kind} ${t.ref} not found`;
    case 'SWARM_ERR_NAME_CONFLICT':
      return `${t.kind} with name ${t.name} already exists`;
    case 'SWARM_ERR_NETWORK_IN_USE':
      return `network ${t.network} is in use by service(s) ${t.services.join(', ')}`;
    case 'SWARM_ERR_INVALID_CONSTRAINT':
      return `invalid constraint: ${t.constraint}`;
    case 'SWARM_ERR_INVALID_SPEC':
      return `invalid service spec: ${t.field}: ${t.reason}`;
    default:
      return t.code;
  }
}
