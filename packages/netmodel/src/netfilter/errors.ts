// Error codes of the netfilter area (copied into docs/errors.md):
// NETFILTER_ERR_BAD_RULE: a rule or iptables command cannot be parsed or has a bad value; `token` names it
// NETFILTER_ERR_NO_TABLE: unknown table (`-t foo`)
// NETFILTER_ERR_NO_CHAIN: the chain does not exist in that table
// NETFILTER_ERR_CHAIN_EXISTS: `-N` of a chain that already exists
// NETFILTER_ERR_CHAIN_IN_USE: deleting a chain that rules still jump to (iptables: "Too many links", EBUSY)
// NETFILTER_ERR_CHAIN_NOT_EMPTY: deleting a chain that still holds rules (ENOTEMPTY)
// NETFILTER_ERR_BUILTIN_CHAIN: deleting or renaming a built-in chain, or a policy on a user chain
// NETFILTER_ERR_NO_RULE: `-D`/`-C` of a rule that is not in the chain ("Bad rule (does a matching rule exist…)")
// NETFILTER_ERR_BAD_INDEX: a rule number outside the chain (`-I`/`-R`/`-D` N: "Index of … too big")
// NETFILTER_ERR_UNKNOWN_MATCH: `-m` of a match module that is not registered ("Couldn't load match")
// NETFILTER_ERR_UNKNOWN_TARGET: `-j` of neither a target module nor a chain of the table ("Couldn't load target")
// NETFILTER_ERR_TARGET_NOT_ALLOWED: a target in a table or hook the kernel refuses (DNAT in filter, MASQUERADE
//   reachable from PREROUTING)
// NETFILTER_ERR_LOOP: a jump would make a chain reachable from itself (ELOOP)
// NETFILTER_ERR_MODULE_EXISTS: registering a match or target module under a name already taken
import { SwarmsimError } from '@swarmsim/interface';

/** Stable codes of {@link NetfilterError}. */
export type NetfilterErrorCode =
  | 'NETFILTER_ERR_BAD_RULE'
  | 'NETFILTER_ERR_NO_TABLE'
  | 'NETFILTER_ERR_NO_CHAIN'
  | 'NETFILTER_ERR_CHAIN_EXISTS'
  | 'NETFILTER_ERR_CHAIN_IN_USE'
  | 'NETFILTER_ERR_CHAIN_NOT_EMPTY'
  | 'NETFILTER_ERR_BUILTIN_CHAIN'
  | 'NETFILTER_ERR_NO_RULE'
  | 'NETFILTER_ERR_BAD_INDEX'
  | 'NETFILTER_ERR_UNKNOWN_MATCH'
  | 'NETFILTER_ERR_UNKNOWN_TARGET'
  | 'NETFILTER_ERR_TARGET_NOT_ALLOWED'
  | 'NETFILTER_ERR_LOOP'
  | 'NETFILTER_ERR_MODULE_EXISTS';

/** Metadata of a {@link NetfilterError}: the code plus whatever of table, chain, token and target applies. */
export interface NetfilterErrorType {
  code: NetfilterErrorCode;
  table?: string;
  chain?: string;
  /** The offending command-line token (option, value, chain or module name). */
  token?: string;
  target?: string;
  hook?: string;
}

/** Error of the netfilter tables: bad rule text, missing chains, refused targets. */
export class NetfilterError extends SwarmsimError<NetfilterErrorType> {}

/** A NETFILTER_ERR_BAD_RULE naming the offending token. */
export function badRule(token: string, message: string): NetfilterError {
  return new NetfilterError({ code: 'NETFILTER_ERR_BAD_RULE', token }, message);
}
