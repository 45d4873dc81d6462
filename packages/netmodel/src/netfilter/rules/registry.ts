import { NetfilterError } from '../errors.js';
import { addrtypeMatch } from '../modules/addrtype-match.js';
import { commentMatch } from '../modules/comment-match.js';
import { icmpMatch } from '../modules/icmp-match.js';
import { markMatch, markTarget } from '../modules/mark.js';
import { dnatTarget, masqueradeTarget, redirectTarget, snatTarget } from '../modules/nat-targets.js';
import { tcpMatch, udpMatch } from '../modules/ports-match.js';
import { conntrackMatch, stateMatch } from '../modules/state-match.js';
import type { MatchModule, TargetModule } from './modules.js';

/** The standard verdict targets, handled by traversal itself. */
export const STANDARD_TARGETS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'RETURN']);

/** The match modules every Netfilter knows. */
export const BUILTIN_MATCHES: readonly MatchModule[] = [
  tcpMatch,
  udpMatch,
  icmpMatch,
  addrtypeMatch,
  conntrackMatch,
  stateMatch,
  markMatch,
  commentMatch
];

/** The target modules every Netfilter knows. */
export const BUILTIN_TARGETS: readonly TargetModule[] = [
  dnatTarget,
  snatTarget,
  masqueradeTarget,
  redirectTarget,
  markTarget
];

/** The match and target extensions one Netfilter can load (`-m NAME`, `-j NAME`). */
export class ModuleRegistry {
  private readonly matches = new Map<string, MatchModule>();
  private readonly targets = new Map<string, TargetModule>();

  constructor(matches: readonly MatchModule[] = [], targets: readonly TargetModule[] = []) {
    for (const m of [...BUILTIN_MATCHES, ...matches]) this.addMatch(m);
    for (const t of [...BUILTIN_TARGETS, ...targets]) this.addTarget(t);
  }

  /** Adds a match module; NETFILTER_ERR_MODULE_EXISTS if the name is taken. */
  addMatch(module: MatchModule): void {
    if (this.matches.has(module.name)) throw exists(module.name);
    this.matches.set(module.name, module);
  }

  /** Adds a target module; NETFILTER_ERR_MODULE_EXISTS if the name is taken (or a standard target). */
  addTarget(module: TargetModule): void {
    if (this.targets.has(module.name) || STANDARD_TARGETS.has(module.name)) throw exists(module.name);
    this.targets.set(module.name, module);
  }

  /** The match module called `name`. */
  match(name: string): MatchModule | undefined {
    return this.matches.get(name);
  }

  /** The target module called `name`. */
  target(name: string): TargetModule | undefined {
    return this.targets.get(name);
  }

  /** Whether `name` is a target (standard or module): chains may not be called that. */
  isTargetName(name: string): boolean {
    return STANDARD_TARGETS.has(name) || this.targets.has(name);
  }
}

function exists(name: string): NetfilterError {
  return new NetfilterError(
    { code: 'NETFILTER_ERR_MODULE_EXISTS', token: name },
    `module ${name} is already registered`
  );
}
