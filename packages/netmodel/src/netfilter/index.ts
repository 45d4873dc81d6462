/**
 * Netfilter for one simulated network namespace: the raw, mangle, nat and filter tables with user chains,
 * policies and counters; connection tracking with Linux's TCP state machine and timeouts; and NAT (DNAT, SNAT,
 * MASQUERADE, REDIRECT) decided on a connection's first packet and applied to the rest by conntrack. Rules are
 * written as iptables command lines and listed in iptables' own text formats.
 *
 * @example
 * ```ts
 * const nf = new Netfilter({ clock, isLocalAddress, primaryAddress });
 * nf.exec('-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
 * nf.hook('POSTROUTING', pkt); // pkt.ip.src is now eth0's address
 * console.log(nf.list('nat', { verbose: true, numeric: true }), nf.conntrack.list());
 * ```
 */
export type { Hook, NetfilterEnv, NfL4, NfPacket, TableName, Verdict } from './types.js';
export { Netfilter, type NetfilterOptions } from './netfilter.js';
export { NetfilterError, type NetfilterErrorCode, type NetfilterErrorType } from './errors.js';
export { Conntrack } from './conntrack/conntrack.js';
export type { ConntrackEntry, CtDirection, NatManip, ConntrackTcpState } from './conntrack/connection.js';
export {
  DEFAULT_CONNTRACK_MAX,
  DEFAULT_CONNTRACK_TIMEOUTS,
  type ConntrackOptions,
  type ConntrackTimeouts
} from './conntrack/timeouts.js';
export type { Tuple } from './conntrack/tuple.js';
export type { CtState } from './conntrack/track-packet.js';
export { formatConntrackEntry } from './conntrack/format.js';
export type { MatchContext, MatchModule, RuleHead, TargetContext, TargetModule } from './rules/modules.js';
export type { AddressSpec, Counters, InterfaceSpec, Rule, RuleEntry, RuleMatch, RuleTarget } from './rules/rule.js';
export type { ListFormat } from './rules/format-list.js';
export type { NatRange } from './nat/nat-range.js';
export type { Cidr } from './addr.js';
