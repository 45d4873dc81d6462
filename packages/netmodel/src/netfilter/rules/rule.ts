import type { Cidr } from '../addr.js';
import type { MatchModule, TargetModule } from './modules.js';

/** An address criterion (`[!] -s/-d`). */
export interface AddressSpec {
  readonly cidr: Cidr;
  readonly invert: boolean;
}

/** An interface criterion (`[!] -i/-o`); a trailing `+` matches every name with that prefix. */
export interface InterfaceSpec {
  readonly name: string;
  readonly invert: boolean;
}

/** One `-m` match of a rule: its module and parsed options. */
export interface RuleMatch {
  readonly module: MatchModule;
  readonly state: unknown;
}

/** What a rule does when it matches: a verdict, a jump to a user chain, or a target module. */
export type RuleTarget =
  | { readonly kind: 'verdict'; readonly verdict: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'module'; readonly module: TargetModule; readonly state: unknown };

/**
 * One parsed rule (struct ipt_entry): the fixed criteria, the matches in order, and the target — absent for a
 * rule that only counts. Build it with `Netfilter.parseRule('-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE')`.
 */
export interface Rule {
  /** IP protocol number (`-p`); 0 = all. */
  readonly protocol: number;
  readonly invertProtocol: boolean;
  readonly source?: AddressSpec;
  readonly destination?: AddressSpec;
  readonly inInterface?: InterfaceSpec;
  readonly outInterface?: InterfaceSpec;
  readonly matches: readonly RuleMatch[];
  readonly target?: RuleTarget;
}

/** Packet and byte counters of a rule or a policy. */
export interface Counters {
  packets: number;
  bytes: number;
}

/** A rule in a chain, with its counters (what `iptables -L -v` shows). */
export interface RuleEntry {
  readonly rule: Rule;
  readonly counters: Counters;
}

/** The target name shown in the `target` column and after `-j`. */
export function targetName(t: RuleTarget | undefined): string {
  if (t === undefined) return '';
  if (t.kind === 'verdict') return t.verdict;
  if (t.kind === 'jump') return t.chain;
  return t.module.name;
}
