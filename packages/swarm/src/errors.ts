// Error codes of the swarm control plane (copied into docs/errors.md):
// SWARM_ERR_PORT_IN_USE: an ingress published port is already used by another service (Docker's message)
// SWARM_ERR_DNSRR_INGRESS: a dnsrr service publishes a port in ingress mode (Docker refuses the combination)
// SWARM_ERR_PORTS_EXHAUSTED: no free port left in the dynamic ingress range 30000–32767
// SWARM_ERR_VNI_EXHAUSTED: every VXLAN id of the range is in use
// SWARM_ERR_NOT_FOUND: no node, network or service with that id or name
// SWARM_ERR_NAME_CONFLICT: a service or network with that name already exists
// SWARM_ERR_NETWORK_IN_USE: removing a network that services still use, or `ingress` while a service publishes
//   a port through it (Docker: "ingress network cannot be removed because service … depends on it")
// SWARM_ERR_UNSUPPORTED: an operation Docker allows that the simulator does not (removing an unused `ingress`)
// SWARM_ERR_INVALID_CONSTRAINT: a placement constraint breaks swarmkit's grammar (Docker: "key 'x' is invalid" …)
// SWARM_ERR_INVALID_NAME: a service name is not a DNS label (Docker: "name must be valid as a DNS name component")
// SWARM_ERR_INVALID_IMAGE: the image is empty or not a valid reference (Docker: "ContainerSpec: … is not a valid
//   repository/tag")
// SWARM_ERR_INVALID_PORT: a target port outside 1–65535 or a published port outside 0–65535 (Docker CLI wording)
// SWARM_ERR_INGRESS_ATTACHMENT: a service names `ingress` among its networks (Docker: "Service cannot be
//   explicitly attached to the ingress network")
// SWARM_ERR_INVALID_AVAILABILITY: a node availability other than active, pause or drain (Docker: "invalid
//   Availability")
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
  | { code: 'SWARM_ERR_UNSUPPORTED'; operation: string }
  | { code: 'SWARM_ERR_INVALID_CONSTRAINT'; constraint: string; reason: string }
  | { code: 'SWARM_ERR_INVALID_NAME'; name: string; reason: string }
  | { code: 'SWARM_ERR_INVALID_IMAGE'; image: string }
  | { code: 'SWARM_ERR_INVALID_PORT'; field: 'target' | 'published'; port: number }
  | { code: 'SWARM_ERR_INGRESS_ATTACHMENT'; network: string }
  | { code: 'SWARM_ERR_INVALID_AVAILABILITY'; availability: string }
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
      // swarmkit controlapi removeIngressNetwork names the first service that publishes through ingress.
      if (t.network === 'ingress')
        return `ingress network cannot be removed because service ${t.services[0]} depends on it`;
      return `network ${t.network} is in use by service(s) ${t.services.join(', ')}`;
    case 'SWARM_ERR_UNSUPPORTED':
      return `${t.operation} is not supported by the simulator`;
    case 'SWARM_ERR_INVALID_CONSTRAINT':
    case 'SWARM_ERR_INVALID_NAME':
      return t.reason;
    case 'SWARM_ERR_INVALID_IMAGE':
      // swarmkit controlapi validateImage.
      if (t.image === '') return 'ContainerSpec: image reference must be provided';
      return `ContainerSpec: ${JSON.stringify(t.image)} is not a valid repository/tag`;
    case 'SWARM_ERR_INVALID_PORT':
      return invalidPortMessage(t.field, t.port);
    case 'SWARM_ERR_INGRESS_ATTACHMENT':
      return `Service cannot be explicitly attached to the ingress network "${t.network}"`;
    case 'SWARM_ERR_INVALID_AVAILABILITY':
      return `invalid Availability: "${t.availability}"`;
    case 'SWARM_ERR_INVALID_SPEC':
      return `invalid service spec: ${t.field}: ${t.reason}`;
    default:
      return t.code;
  }
}

/** The docker CLI's `--publish` wording (opts/swarmopts/port.go): ports are parsed as 16-bit unsigned integers. */
function invalidPortMessage(field: 'target' | 'published', port: number): string {
  if (field === 'target' && port === 0) return "missing mandatory field 'target'";
  const why = Number.isInteger(port) && port > 0 ? 'value out of range' : 'invalid syntax';
  return `invalid ${field} port (${port}): value must be an integer: ${why}`;
}
