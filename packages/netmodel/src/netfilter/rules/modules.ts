import type { ConntrackEntry, NatManip } from '../conntrack/connection.js';
import type { CtState } from '../conntrack/track-packet.js';
import type { NatRange } from '../nat/nat-range.js';
import type { Hook, NetfilterEnv, NfPacket, TableName, Verdict } from '../types.js';

/** The parts of a rule in front of its matches, as a module's `finish` may need them (e.g. `-p tcp`). */
export interface RuleHead {
  /** IP protocol number of `-p`; 0 for all. */
  readonly protocol: number;
  readonly invertProtocol: boolean;
}

/** What a match sees besides the packet. */
export interface MatchContext {
  readonly hook: Hook;
  readonly table: TableName;
  readonly env: NetfilterEnv;
  /** Conntrack state of the packet (INVALID when untracked). */
  readonly ctState: CtState;
  /** The packet's connection, if tracked. */
  readonly conntrack: ConntrackEntry | undefined;
}

/**
 * A `-m NAME` match extension, like an xtables match: parses its own options, decides per packet and prints
 * itself for `-L` and `-S`. Register more (e.g. the IPVS layer's `-m ipvs --ipvs`) with
 * `Netfilter.registerMatch`. `S` is the module's parsed option state.
 */
export interface MatchModule<S = unknown> {
  /** Name after `-m` (and in `iptables -S` output). */
  readonly name: string;
  /** Long options (without `--`) and how many values each takes. */
  readonly options: Readonly<Record<string, number>>;
  /** Folds one option into the state; throws NETFILTER_ERR_BAD_RULE on a bad value. */
  parse(state: S | undefined, option: string, values: readonly string[], invert: boolean): S;
  /** Checks the complete rule (required options, `-p`), returning the final state. */
  finish(state: S | undefined, head: RuleHead): S;
  /** Whether the packet matches. */
  match(state: S, pkt: NfPacket, ctx: MatchContext): boolean;
  /** `iptables -L` text, each word preceded by a space (e.g. ` tcp dpt:8080`). */
  print(state: S, numeric: boolean): string;
  /** `iptables -S` options after `-m NAME`, each preceded by a space (e.g. ` --dport 8080`). */
  save(state: S): string;
}

/** What a target may do besides changing the packet. */
export interface TargetContext extends MatchContext {
  /**
   * Decides the NAT mapping of the packet's (new) connection; only the nat table calls it. `masqueradeIf`
   * tags MASQUERADE mappings so they can be flushed with their interface.
   */
  nat(manip: NatManip, range: NatRange, masqueradeIf?: string): Verdict;
}

/** A `-j NAME` target extension; 'CONTINUE' lets traversal go on to the next rule (like XT_CONTINUE). */
export interface TargetModule<S = unknown> {
  readonly name: string;
  readonly options: Readonly<Record<string, number>>;
  /** Tables the kernel allows it in; all when absent. */
  readonly tables?: readonly TableName[];
  /** Hooks it may be reached from (checked through jumps, as the kernel does); all when absent. */
  readonly hooks?: readonly Hook[];
  parse(state: S | undefined, option: string, values: readonly string[], invert: boolean): S;
  finish(state: S | undefined, head: RuleHead): S;
  run(state: S, pkt: NfPacket, ctx: TargetContext): Verdict | 'CONTINUE';
  print(state: S, numeric: boolean): string;
  save(state: S): string;
}
