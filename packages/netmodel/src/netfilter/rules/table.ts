import { NetfilterError, badRule } from '../errors.js';
import type { Hook, TableName } from '../types.js';
import { formatRuleSpec } from './format-save.js';
import type { ModuleRegistry } from './registry.js';
import type { Counters, Rule, RuleEntry } from './rule.js';
import { checkReachability } from './validate.js';

/** Built-in chains of each table, in hook order (the order `iptables -L` lists them). */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly Hook[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT']
};

/** A chain: built-in (with a hook, a policy and policy counters) or user-defined. */
export class Chain {
  readonly entries: RuleEntry[] = [];
  readonly policyCounters: Counters = { packets: 0, bytes: 0 };

  constructor(
    public name: string,
    /** The hook of a built-in chain; undefined for user chains. */
    readonly hook: Hook | undefined,
    /** ACCEPT or DROP for built-ins; undefined for user chains. */
    public policy: 'ACCEPT' | 'DROP' | undefined
  ) {}
}

/** One iptables table: its chains and rules, kept valid the way the kernel checks a table on commit. */
export class Table {
  private readonly chains = new Map<string, Chain>();

  constructor(
    readonly name: TableName,
    private readonly registry: ModuleRegistry
  ) {
    for (const hook of BUILTIN_CHAINS[name]) this.chains.set(hook, new Chain(hook, hook, 'ACCEPT'));
  }

  /** The chain called `name`; NETFILTER_ERR_NO_CHAIN if there is none. */
  chain(name: string): Chain {
    const c = this.chains.get(name);
    if (c === undefined)
      throw this.error('NETFILTER_ERR_NO_CHAIN', name, `No chain/target/match by that name: ${name}`);
    return c;
  }

  /** Whether the chain exists. */
  has(name: string): boolean {
    return this.chains.has(name);
  }

  /** Built-in chains in hook order, then user chains sorted by name (libiptc's order). */
  orderedChains(): Chain[] {
    const all = [...this.chains.values()];
    const builtins = all.filter((c) => c.hook !== undefined);
    const users = all
      .filter((c) => c.hook === undefined)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return [...builtins, ...users];
  }

  /** Number of rules jumping to `name` ("N references"). */
  references(name: string): number {
    let n = 0;
    for (const c of this.chains.values())
      for (const e of c.entries) if (e.rule.target?.kind === 'jump' && e.rule.target.chain === name) n++;
    return n;
  }

  /** `-N`: a new, empty user chain. */
  newChain(name: string): void {
    if (name.length === 0 || name.length > 28 || name.startsWith('-') || name.startsWith('!') || /\s/.test(name)) {
      throw badRule(name, `Invalid chain name \`${name}'`);
    }
    if (this.registry.isTargetName(name)) throw badRule(name, 'chain name may not clash with target name');
    if (this.chains.has(name)) throw this.error('NETFILTER_ERR_CHAIN_EXISTS', name, 'Chain already exists.');
    this.chains.set(name, new Chain(name, undefined, undefined));
  }

  /** `-X CHAIN`: deletes an empty, unreferenced user chain; `-X` alone deletes every user chain. */
  deleteChain(name?: string): void {
    const victims = name === undefined ? this.orderedChains().filter((c) => c.hook === undefined) : [this.chain(name)];
    for (const c of victims) {
      if (c.hook !== undefined)
        throw this.error('NETFILTER_ERR_BUILTIN_CHAIN', c.name, `Cannot delete built-in chain ${c.name}`);
      if (c.entries.length > 0) throw this.error('NETFILTER_ERR_CHAIN_NOT_EMPTY', c.name, 'Directory not empty.');
      if (this.references(c.name) > 0) throw this.error('NETFILTER_ERR_CHAIN_IN_USE', c.name, 'Too many links.');
    }
    for (const c of victims) this.chains.delete(c.name);
  }

  /** `-E OLD NEW`: renames a user chain; jumps follow it (the kernel jumps by offset, not name). */
  renameChain(from: string, to: string): void {
    const c = this.chain(from);
    if (c.hook !== undefined)
      throw this.error('NETFILTER_ERR_BUILTIN_CHAIN', from, `Cannot rename built-in chain ${from}`);
    this.newChain(to);
    this.chains.delete(to);
    this.chains.delete(from);
    c.name = to;
    this.chains.set(to, c);
    for (const chain of this.chains.values()) {
      chain.entries.forEach((e, i) => {
        const t = e.rule.target;
        if (t?.kind === 'jump' && t.chain === from)
          chain.entries[i] = { rule: { ...e.rule, target: { kind: 'jump', chain: to } }, counters: e.counters };
      });
    }
  }

  /** `-P`: the policy of a built-in chain. */
  setPolicy(name: string, policy: 'ACCEPT' | 'DROP'): void {
    const c = this.chain(name);
    if (c.hook === undefined) throw this.error('NETFILTER_ERR_BUILTIN_CHAIN', name, 'Bad built-in chain name');
    c.policy = policy;
  }

  /** `-F [CHAIN]`: removes rules (policies stay). */
  flush(name?: string): void {
    for (const c of name === undefined ? [...this.chains.values()] : [this.chain(name)]) c.entries.length = 0;
  }

  /** `-Z [CHAIN]`: zeroes rule and policy counters. */
  zero(name?: string): void {
    for (const c of name === undefined ? [...this.chains.values()] : [this.chain(name)]) {
      c.policyCounters.packets = c.policyCounters.bytes = 0;
      for (const e of c.entries) e.counters.packets = e.counters.bytes = 0;
    }
  }

  /** `-I CHAIN N` / `-A` (index = length): inserts at a 0-based index, then re-checks the table. */
  insert(name: string, rule: Rule, index: number): void {
    const c = this.chain(name);
    if (index < 0 || index > c.entries.length)
      throw this.error('NETFILTER_ERR_BAD_INDEX', name, 'Index of insertion too big.');
    this.checkRule(rule);
    c.entries.splice(index, 0, { rule, counters: { packets: 0, bytes: 0 } });
    this.commit(() => {
      c.entries.splice(index, 1);
    });
  }

  /** `-R CHAIN N`: replaces the rule at a 0-based index (counters restart). */
  replace(name: string, index: number, rule: Rule): void {
    const c = this.chain(name);
    const old = c.entries[index];
    if (old === undefined) throw this.error('NETFILTER_ERR_BAD_INDEX', name, 'Index of replacement too big.');
    this.checkRule(rule);
    c.entries[index] = { rule, counters: { packets: 0, bytes: 0 } };
    this.commit(() => {
      c.entries[index] = old;
    });
  }

  /** `-D CHAIN N`: removes the rule at a 0-based index. */
  deleteAt(name: string, index: number): void {
    const c = this.chain(name);
    if (index < 0 || index >= c.entries.length)
      throw this.error('NETFILTER_ERR_BAD_INDEX', name, 'Index of deletion too big.');
    c.entries.splice(index, 1);
  }

  /** Index of the first rule equal to `rule` (same `-S` text), or -1 (`-C`, `-D` with a rule). */
  indexOf(name: string, rule: Rule): number {
    const want = formatRuleSpec(rule);
    return this.chain(name).entries.findIndex((e) => formatRuleSpec(e.rule) === want);
  }

  private checkRule(rule: Rule): void {
    const t = rule.target;
    if (t?.kind === 'jump') {
      const target = this.chains.get(t.chain);
      if (target === undefined)
        throw new NetfilterError(
          { code: 'NETFILTER_ERR_UNKNOWN_TARGET', table: this.name, token: t.chain },
          `Couldn't load target \`${t.chain}'`
        );
      if (target.hook !== undefined) throw badRule(t.chain, `cannot jump to built-in chain ${t.chain}`);
    }
    if (t?.kind === 'module' && t.module.tables !== undefined && !t.module.tables.includes(this.name)) {
      throw new NetfilterError(
        { code: 'NETFILTER_ERR_TARGET_NOT_ALLOWED', table: this.name, target: t.module.name },
        `${t.module.name} target: only valid in ${t.module.tables.join('/')} table, not ${this.name}`
      );
    }
  }

  // The kernel refuses a whole table whose jumps loop or reach a target from a hook it does not support.
  private commit(undo: () => void): void {
    try {
      checkReachability(this.name, this.orderedChains(), (n) => this.chains.get(n));
    } catch (err) {
      undo();
      throw err;
    }
  }

  private error(
    code:
      | 'NETFILTER_ERR_NO_CHAIN'
      | 'NETFILTER_ERR_CHAIN_EXISTS'
      | 'NETFILTER_ERR_CHAIN_IN_USE'
      | 'NETFILTER_ERR_CHAIN_NOT_EMPTY'
      | 'NETFILTER_ERR_BUILTIN_CHAIN'
      | 'NETFILTER_ERR_BAD_INDEX',
    chain: string,
    message: string
  ): NetfilterError {
    return new NetfilterError({ code, table: this.name, chain }, message);
  }
}
