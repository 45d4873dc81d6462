import { ruleCidr } from '../addr.js';
import { badRule, NetfilterError } from '../errors.js';
import type { MatchModule, TargetModule } from './modules.js';
import { STANDARD_TARGETS, type ModuleRegistry } from './registry.js';
import type { AddressSpec, InterfaceSpec, Rule, RuleTarget } from './rule.js';

type CoreOption =
  'protocol' | 'source' | 'destination' | 'in-interface' | 'out-interface' | 'match' | 'jump' | 'goto' | 'fragment';

const CORE: Readonly<Record<string, CoreOption>> = {
  '-p': 'protocol',
  '-s': 'source',
  '-d': 'destination',
  '-i': 'in-interface',
  '-o': 'out-interface',
  '-m': 'match',
  '-j': 'jump',
  '-g': 'goto',
  '-f': 'fragment',
  '--src': 'source',
  '--dst': 'destination'
};

const CORE_LONG: readonly CoreOption[] = [
  'protocol',
  'source',
  'destination',
  'in-interface',
  'out-interface',
  'match',
  'jump',
  'goto',
  'fragment'
];

/** Protocol names `-p` accepts (xtables_chain_protos plus the usual /etc/protocols entries). */
export const PROTOCOL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['all', 0],
  ['icmp', 1],
  ['tcp', 6],
  ['udp', 17],
  ['gre', 47],
  ['esp', 50],
  ['ah', 51],
  ['sctp', 132],
  ['udplite', 136]
]);

interface Loaded<M> {
  readonly module: M;
  state: unknown;
}

type PendingTarget = Exclude<RuleTarget, { kind: 'module' }> | { kind: 'module'; module: TargetModule; state: unknown };

/** Parses the rule-specification part of an iptables command line (everything but command and table). */
export function parseRuleSpec(tokens: readonly string[], registry: ModuleRegistry): Rule {
  return new RuleParser(tokens, registry).parse();
}

class RuleParser {
  private i = 0;
  private invert = false;
  private protocol: { value: number; invert: boolean } | undefined;
  private source: AddressSpec | undefined;
  private destination: AddressSpec | undefined;
  private inIf: InterfaceSpec | undefined;
  private outIf: InterfaceSpec | undefined;
  private readonly matches: Loaded<MatchModule>[] = [];
  private target: PendingTarget | undefined;
  private protoLoaded = false;

  constructor(
    private readonly tokens: readonly string[],
    private readonly registry: ModuleRegistry
  ) {}

  parse(): Rule {
    while (this.i < this.tokens.length) this.step(this.tokens[this.i++]!);
    if (this.invert) throw badRule('!', "trailing '!' without an option");
    const head = { protocol: this.protocol?.value ?? 0, invertProtocol: this.protocol?.invert ?? false };
    const matches = this.matches.map((m) => ({ module: m.module, state: m.module.finish(m.state, head) }));
    const t = this.target;
    const target: RuleTarget | undefined =
      t?.kind === 'module' ? { kind: 'module', module: t.module, state: t.module.finish(t.state, head) } : t;
    return {
      ...head,
      ...(this.source && { source: this.source }),
      ...(this.destination && { destination: this.destination }),
      ...(this.inIf && { inInterface: this.inIf }),
      ...(this.outIf && { outInterface: this.outIf }),
      matches,
      ...(target && { target })
    };
  }

  private step(tok: string): void {
    if (tok === '!') {
      if (this.invert) throw badRule(tok, 'multiple consecutive ! not allowed');
      this.invert = true;
      return;
    }
    const invert = this.invert;
    this.invert = false;
    const core = CORE[tok] ?? (tok.startsWith('--') ? this.resolveCore(tok.slice(2)) : undefined);
    if (core !== undefined) {
      this.core(core, tok, invert);
      return;
    }
    if (!tok.startsWith('--')) throw badRule(tok, `Bad argument \`${tok}'`);
    this.moduleOption(tok, invert);
  }

  private value(option: string): string {
    const v = this.tokens[this.i++];
    if (v === undefined) throw badRule(option, `option "${option}" requires an argument`);
    return v;
  }

  private core(opt: CoreOption, tok: string, invert: boolean): void {
    if ((opt === 'match' || opt === 'jump') && invert) throw badRule(tok, `unexpected ! flag before ${tok}`);
    if (opt === 'goto' || opt === 'fragment') throw badRule(tok, `${tok} is not supported by this simulator`);
    if (opt === 'match') return this.loadMatch(this.value(tok));
    if (opt === 'jump') return this.setTarget(this.value(tok), tok);
    const value = this.value(tok);
    const dup = (present: unknown): void => {
      if (present !== undefined) throw badRule(tok, `multiple ${tok} flags not allowed`);
    };
    if (opt === 'protocol') {
      dup(this.protocol);
      this.protocol = { value: parseProtocol(value), invert };
    } else if (opt === 'source' || opt === 'destination') {
      dup(opt === 'source' ? this.source : this.destination);
      this[opt] = { cidr: ruleCidr(value), invert };
    } else {
      dup(opt === 'in-interface' ? this.inIf : this.outIf);
      const spec = { name: parseInterface(value), invert };
      if (opt === 'in-interface') this.inIf = spec;
      else this.outIf = spec;
    }
  }

  private loadMatch(name: string): void {
    const module = this.registry.match(name);
    if (module === undefined)
      throw new NetfilterError({ code: 'NETFILTER_ERR_UNKNOWN_MATCH', token: name }, `Couldn't load match \`${name}'`);
    this.matches.push({ module, state: undefined });
  }

  private setTarget(name: string, tok: string): void {
    if (this.target !== undefined) throw badRule(tok, `multiple ${tok} flags not allowed`);
    if (name === '' || name.startsWith('-')) throw badRule(name, `Bad target name \`${name}'`);
    const module = this.registry.target(name);
    if (STANDARD_TARGETS.has(name)) this.target = { kind: 'verdict', verdict: name as 'ACCEPT' | 'DROP' | 'RETURN' };
    else if (module !== undefined) this.target = { kind: 'module', module, state: undefined };
    else this.target = { kind: 'jump', chain: name };
  }

  /** getopt_long: a unique prefix of a core long option (`--proto`) counts when no module claims the name. */
  private resolveCore(name: string): CoreOption | undefined {
    if ((CORE_LONG as readonly string[]).includes(name)) return name as CoreOption;
    if (this.owners(name, true).length > 0) return undefined;
    const found = CORE_LONG.filter((o) => o.startsWith(name));
    return found.length === 1 && this.owners(name, false).length === 0 ? found[0] : undefined;
  }

  /** Loaded modules that take option `name` (target first, like iptables' command_default), exactly or by prefix. */
  private owners(name: string, exact: boolean): { owner: Loaded<MatchModule | TargetModule>; option: string }[] {
    const loaded: Loaded<MatchModule | TargetModule>[] = [
      ...(this.target?.kind === 'module' ? [this.target] : []),
      ...this.matches
    ];
    const result: { owner: Loaded<MatchModule | TargetModule>; option: string }[] = [];
    for (const owner of loaded) {
      for (const option of Object.keys(owner.module.options)) {
        if (exact ? option === name : option.startsWith(name)) result.push({ owner, option });
      }
    }
    return result;
  }

  private moduleOption(tok: string, invert: boolean): void {
    const name = tok.slice(2);
    let found = this.owners(name, true)[0] ?? this.uniquePrefix(name, tok);
    if (found === undefined && this.loadProtocolModule(name))
      found = this.owners(name, true)[0] ?? this.uniquePrefix(name, tok);
    if (found === undefined) throw badRule(tok, `unknown option "${tok}"`);
    const arity = found.owner.module.options[found.option] ?? 0;
    const values: string[] = [];
    for (let k = 0; k < arity; k++) values.push(this.value(tok));
    found.owner.state = found.owner.module.parse(found.owner.state, found.option, values, invert);
  }

  private uniquePrefix(
    name: string,
    tok: string
  ): { owner: Loaded<MatchModule | TargetModule>; option: string } | undefined {
    const found = this.owners(name, false);
    if (new Set(found.map((f) => f.option)).size > 1) throw badRule(tok, `option "${tok}" is ambiguous`);
    return found[0];
  }

  /** `-p tcp --dport 80` loads `-m tcp` implicitly, once, when the option is its. */
  private loadProtocolModule(name: string): boolean {
    if (this.protoLoaded || this.protocol === undefined || this.protocol.invert) return false;
    const protoName = [...PROTOCOL_NUMBERS].find(([, n]) => n === this.protocol!.value)?.[0];
    const module = protoName === undefined ? undefined : this.registry.match(protoName);
    if (module === undefined || !Object.keys(module.options).some((o) => o.startsWith(name))) return false;
    this.protoLoaded = true;
    this.matches.push({ module, state: undefined });
    return true;
  }
}

function parseProtocol(text: string): number {
  const lower = text.toLowerCase();
  const named = PROTOCOL_NUMBERS.get(lower);
  if (named !== undefined) return named;
  if (/^\d{1,3}$/.test(lower) && Number(lower) <= 255) return Number(lower);
  throw badRule(text, `unknown protocol "${text}" specified`);
}

function parseInterface(text: string): string {
  if (text.length === 0 || text.length > 15 || /[\s/]/.test(text) || text.slice(0, -1).includes('+')) {
    throw badRule(text, `Invalid interface name \`${text}'`);
  }
  return text;
}
