import { Conntrack } from './conntrack/conntrack.js';
import type { ConntrackOptions } from './conntrack/timeouts.js';
import { NetfilterError } from './errors.js';
import { HookPipeline } from './hook-pipeline.js';
import { PacketStates } from './packet-states.js';
import { asTable, runIptables, type IptablesApi } from './rules/exec.js';
import { formatList, type ListFormat } from './rules/format-list.js';
import { formatListRules, formatTableSave } from './rules/format-save.js';
import type { MatchModule, TargetModule } from './rules/modules.js';
import { parseRuleSpec } from './rules/parse-rule.js';
import { ModuleRegistry } from './rules/registry.js';
import type { Counters, Rule, RuleEntry } from './rules/rule.js';
import { Table } from './rules/table.js';
import { tokenize } from './rules/tokenize.js';
import type { Hook, NetfilterEnv, NfPacket, TableName, Verdict } from './types.js';

/** Options of a {@link Netfilter}. */
export interface NetfilterOptions {
  /** Limits and timeouts of the connection tracker. */
  conntrack?: ConntrackOptions;
  /** Extra `-m` modules (e.g. the IPVS layer's `ipvs`). @default none */
  matches?: readonly MatchModule[];
  /** Extra `-j` modules. @default none */
  targets?: readonly TargetModule[];
  /**
   * When connection tracking runs. `auto`: from the first rule that needs it (any nat-table rule, a
   * `conntrack`/`state` match), as Linux enables nf_conntrack in a namespace only once nat or a ct match is
   * loaded there — a container without rules pays nothing. `always`: from the start.
   * @default 'auto'
   */
  tracking?: 'auto' | 'always';
}

// Match modules that need conntrack loaded in the namespace (nf_ct_netns_get).
const CT_MATCHES: ReadonlySet<string> = new Set(['conntrack', 'state']);

// iptables-nft-save's table order; a table appears once something used it (as a module gets loaded on Linux).
const SAVE_ORDER: readonly TableName[] = ['mangle', 'raw', 'filter', 'nat'];

/**
 * The iptables tables, chains and conntrack of one network namespace. The stack calls {@link hook} at Linux's
 * five hook points; rules are managed programmatically or with iptables command lines through {@link exec}.
 */
export class Netfilter implements IptablesApi {
  /** The namespace's connection tracking table. */
  readonly conntrack: Conntrack;
  private readonly registry: ModuleRegistry;
  private readonly tables: Readonly<Record<TableName, Table>>;
  private readonly loaded = new Set<TableName>(['filter']);
  private readonly pipeline: HookPipeline;
  private tracking: boolean;

  constructor(env: NetfilterEnv, options: NetfilterOptions = {}) {
    this.conntrack = new Conntrack(env.clock, options.conntrack);
    this.registry = new ModuleRegistry(options.matches, options.targets);
    const r = this.registry;
    this.tables = {
      raw: new Table('raw', r),
      mangle: new Table('mangle', r),
      nat: new Table('nat', r),
      filter: new Table('filter', r)
    };
    this.pipeline = new HookPipeline(env, this.conntrack, this.tables, new PacketStates());
    this.tracking = options.tracking === 'always';
  }

  /** Runs `pkt` through `hook` (conntrack, the tables, NAT); the packet may be rewritten in place. */
  hook(hook: Hook, pkt: NfPacket): Verdict {
    return this.pipeline.run(hook, pkt, this.tracking);
  }

  /** Whether connection tracking is active in this namespace (see {@link NetfilterOptions.tracking}). */
  get trackingEnabled(): boolean {
    return this.tracking;
  }

  /** Adds a `-m` match module (the extension point for e.g. `-m ipvs --ipvs`). */
  registerMatch(module: MatchModule): void {
    this.registry.addMatch(module);
  }

  /** Adds a `-j` target module. */
  registerTarget(module: TargetModule): void {
    this.registry.addTarget(module);
  }

  /** Parses a rule specification (`-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`). */
  parseRule(spec: string | readonly string[]): Rule {
    return parseRuleSpec(typeof spec === 'string' ? tokenize(spec) : spec, this.registry);
  }

  /** Runs an iptables command line (with or without the leading `iptables`); returns its stdout. */
  exec(argv: string | readonly string[]): string {
    return runIptables(typeof argv === 'string' ? tokenize(argv) : argv, this);
  }

  /** `-N`. */
  newChain(table: TableName, chain: string): void {
    this.table(table).newChain(chain);
  }

  /** `-X [CHAIN]`. */
  deleteChain(table: TableName, chain?: string): void {
    this.table(table).deleteChain(chain);
  }

  /** `-E OLD NEW`. */
  renameChain(table: TableName, from: string, to: string): void {
    this.table(table).renameChain(from, to);
  }

  /** `-F [CHAIN]`. */
  flush(table: TableName, chain?: string): void {
    this.table(table).flush(chain);
  }

  /** `-Z [CHAIN]`. */
  zero(table: TableName, chain?: string): void {
    this.table(table).zero(chain);
  }

  /** `-P CHAIN POLICY`. */
  setPolicy(table: TableName, chain: string, policy: 'ACCEPT' | 'DROP'): void {
    this.table(table).setPolicy(chain, policy);
  }

  /** `-A`. */
  append(table: TableName, chain: string, rule: Rule | string): void {
    const t = this.table(table);
    const r = this.asRule(rule);
    t.insert(chain, r, t.chain(chain).entries.length);
    this.noteRule(table, r);
  }

  /** `-I CHAIN [POSITION]` (1-based, as iptables). */
  insert(table: TableName, chain: string, rule: Rule | string, position = 1): void {
    const r = this.asRule(rule);
    this.table(table).insert(chain, r, position - 1);
    this.noteRule(table, r);
  }

  /** `-R CHAIN POSITION`. */
  replace(table: TableName, chain: string, position: number, rule: Rule | string): void {
    const r = this.asRule(rule);
    this.table(table).replace(chain, position - 1, r);
    this.noteRule(table, r);
  }

  // Like a kernel module, conntrack stays loaded once a rule pulled it in.
  private noteRule(table: TableName, rule: Rule): void {
    if (this.tracking) return;
    this.tracking = table === 'nat' || rule.matches.some((m) => CT_MATCHES.has(m.module.name));
  }

  /** `-D CHAIN POSITION` or `-D CHAIN RULE` (the first equal rule). */
  delete(table: TableName, chain: string, rule: Rule | string | number): void {
    const t = this.table(table);
    if (typeof rule === 'number') return t.deleteAt(chain, rule - 1);
    const index = t.indexOf(chain, this.asRule(rule));
    if (index < 0)
      throw new NetfilterError(
        { code: 'NETFILTER_ERR_NO_RULE', table, chain },
        'Bad rule (does a matching rule exist in that chain?).'
      );
    t.deleteAt(chain, index);
  }

  /** `-C`: whether an equal rule is in the chain. */
  check(table: TableName, chain: string, rule: Rule | string): boolean {
    return this.table(table).indexOf(chain, this.asRule(rule)) >= 0;
  }

  /** The rules of a chain with their live counters. */
  rules(table: TableName, chain: string): readonly RuleEntry[] {
    return this.table(table).chain(chain).entries;
  }

  /** Policy and policy counters of a built-in chain (policy undefined for user chains). */
  policy(table: TableName, chain: string): { policy: 'ACCEPT' | 'DROP' | undefined; counters: Readonly<Counters> } {
    const c = this.table(table).chain(chain);
    return { policy: c.policy, counters: c.policyCounters };
  }

  /** Chain names of a table, in `iptables -L` order. */
  chains(table: TableName): string[] {
    return this.table(table)
      .orderedChains()
      .map((c) => c.name);
  }

  /** `iptables -t TABLE -L [CHAIN [N]]` text, exactly as iptables prints it (`-v`, `-n`, `-x`, `--line-numbers`). */
  list(table: TableName, opts: ListFormat & { chain?: string; ruleNumber?: number } = {}): string {
    const t = this.table(table);
    const chains = opts.chain === undefined ? t.orderedChains() : [t.chain(opts.chain)];
    return formatList(t, chains, opts, opts.ruleNumber);
  }

  /** `iptables -t TABLE -S [CHAIN [N]]` text. */
  listRules(table: TableName, opts: { chain?: string; verbose?: boolean; ruleNumber?: number } = {}): string {
    const t = this.table(table);
    const chains = opts.chain === undefined ? t.orderedChains() : [t.chain(opts.chain)];
    return formatListRules(chains, opts.verbose === true, opts.ruleNumber);
  }

  /** `iptables-save` of every table in use (without the `# Generated by` comment lines, which carry a date). */
  save(opts: { counters?: boolean } = {}): string {
    return SAVE_ORDER.filter((t) => this.loaded.has(t))
      .map((t) => formatTableSave(this.tables[t], opts.counters === true))
      .join('');
  }

  private table(name: TableName): Table {
    const t = asTable(name);
    this.loaded.add(t);
    return this.tables[t];
  }

  private asRule(rule: Rule | string): Rule {
    return typeof rule === 'string' ? this.parseRule(rule) : rule;
  }
}
