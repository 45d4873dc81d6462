// LB_ERR_INVALID_SERVICE: a service spec names neither a fwmark nor a full (vip, protocol, port), or both
// LB_ERR_INVALID_ADDRESS: an address is not dotted-quad IPv4 (@swarmsim/addr's grammar: no leading zeros)
// LB_ERR_INVALID_PORT: a port is not an integer in 0–65535 (0 only for fwmark-style real servers)
// LB_ERR_INVALID_WEIGHT: a weight is not an integer in 0–2147483647 (the kernel's EINVAL range)
// LB_ERR_INVALID_THRESHOLD: a connection threshold is negative, or lower > upper (kernel: EINVAL)
// LB_ERR_INVALID_TIMEOUT: a timeout passed to setTimeouts() is negative or not an integer number of seconds
// LB_ERR_UNKNOWN_SCHEDULER: the scheduler name is not one of rr, wrr, lc, wlc, sh, mh
// LB_ERR_TABLE_SIZE_NOT_PRIME: the Maglev lookup table size is not a prime (the permutation needs it)
// LB_ERR_SERVICE_EXISTS: addService() of a key that is already a virtual service (ipvsadm: "Service already exists")
// LB_ERR_NO_SUCH_SERVICE: the service key names no virtual service (ipvsadm: "No such service")
// LB_ERR_SERVER_EXISTS: addServer() of an ip:port already in the service (ipvsadm: "Destination already exists")
// LB_ERR_NO_SUCH_SERVER: editServer()/removeServer() of an ip:port not in the service (ipvsadm: "No such destination")
// LB_ERR_NO_SUCH_CONNECTION: a connection state update names a flow that is not (or no longer) in the table
// LB_ERR_INVALID_STATE: a TCP state was set on a UDP flow, or the UDP state on a TCP flow
import { SwarmsimError } from '@swarmsim/interface';

/** Every payload an {@link LbError} can carry. */
export type LbErrorType =
  | { code: 'LB_ERR_INVALID_SERVICE'; reason: string }
  | { code: 'LB_ERR_INVALID_ADDRESS'; address: string }
  | { code: 'LB_ERR_INVALID_PORT'; port: number }
  | { code: 'LB_ERR_INVALID_WEIGHT'; weight: number }
  | { code: 'LB_ERR_INVALID_THRESHOLD'; upper: number; lower: number }
  | { code: 'LB_ERR_INVALID_TIMEOUT'; name: string; seconds: number }
  | { code: 'LB_ERR_UNKNOWN_SCHEDULER'; scheduler: string }
  | { code: 'LB_ERR_TABLE_SIZE_NOT_PRIME'; size: number }
  | { code: 'LB_ERR_SERVICE_EXISTS'; service: string }
  | { code: 'LB_ERR_NO_SUCH_SERVICE'; service: string }
  | { code: 'LB_ERR_SERVER_EXISTS'; service: string; server: string }
  | { code: 'LB_ERR_NO_SUCH_SERVER'; service: string; server: string }
  | { code: 'LB_ERR_NO_SUCH_CONNECTION'; flow: string }
  | { code: 'LB_ERR_INVALID_STATE'; flow: string; state: string };

/** Every lb error code. */
export type LbErrorCode = LbErrorType['code'];

/** The one error class of `@swarmsim/lb`; branch on `.code`, read metadata from `.type`. */
export class LbError<T extends LbErrorType = LbErrorType> extends SwarmsimError<T> {}

/** Builds an LbError whose message names the code (tests never read it). */
export function lbError(type: LbErrorType): LbError {
  return new LbError(type, `lb: ${type.code}`);
}
