// DNS_ERR_UNKNOWN_NETWORK: a record-store call names a network id that was never added (or was removed)
// DNS_ERR_DUPLICATE_NETWORK: addNetwork() of an id that is already in the store
// DNS_ERR_INVALID_ADDRESS: an endpoint record or VIP carries an address that is not IPv4 (or IPv6 for `ipv6`)
// DNS_ERR_INVALID_NAME: an endpoint record has an empty name, alias or service name
// DNS_ERR_INVALID_CONFIG: a resolver option is out of range, or more than 3 upstreams were given
// DNS_ERR_UPSTREAM_TIMEOUT: an upstream did not answer within timeoutMs (internal; the client sees SERVFAIL)
// DNS_ERR_ABORTED: resolve() was called with an already aborted signal
import { SwarmsimError } from '@swarmsim/interface';

/** Every payload a {@link DnsError} can carry. */
export type DnsErrorType =
  | { code: 'DNS_ERR_UNKNOWN_NETWORK'; networkId: string }
  | { code: 'DNS_ERR_DUPLICATE_NETWORK'; networkId: string }
  | { code: 'DNS_ERR_INVALID_ADDRESS'; address: string; field: string }
  | { code: 'DNS_ERR_INVALID_NAME'; name: string; field: string }
  | { code: 'DNS_ERR_INVALID_CONFIG'; option: string; value: unknown }
  | { code: 'DNS_ERR_UPSTREAM_TIMEOUT'; upstream: number; timeoutMs: number }
  | { code: 'DNS_ERR_ABORTED' };

/** Every dns error code. */
export type DnsErrorCode = DnsErrorType['code'];

/** The one error class of `@swarmsim/dns`; branch on `.code`, read metadata from `.type`. */
export class DnsError<T extends DnsErrorType = DnsErrorType> extends SwarmsimError<T> {}

/** Builds a DnsError whose message names the code (tests never read it). */
export function dnsError(type: DnsErrorType): DnsError {
  return new DnsError(type, `dns: ${type.code}`);
}
