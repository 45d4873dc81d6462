import { NetfilterError } from '../errors.js';
import type { Hook, TableName } from '../types.js';
import type { Chain } from './table.js';

/**
 * mark_source_chains + check_target: walks every chain reachable from each built-in chain, failing with
 * NETFILTER_ERR_LOOP when a jump leads back into the current path and NETFILTER_ERR_TARGET_NOT_ALLOWED when a
 * target is reachable from a hook it does not support (MASQUERADE reachable from PREROUTING, say).
 */
export function checkReachability(
  table: TableName,
  chains: readonly Chain[],
  lookup: (name: string) => Chain | undefined
): void {
  for (const root of chains) {
    if (root.hook === undefined) continue;
    // A chain fully explored once under a hook cannot hide a loop through the current path (it would have shown).
    const done = new Set<string>();
    visit(table, root, root.hook, new Set(), done, lookup);
  }
}

function visit(
  table: TableName,
  chain: Chain,
  hook: Hook,
  path: Set<string>,
  done: Set<string>,
  lookup: (name: string) => Chain | undefined
): void {
  if (path.has(chain.name)) {
    throw new NetfilterError(
      { code: 'NETFILTER_ERR_LOOP', table, chain: chain.name },
      'Too many levels of symbolic links.'
    );
  }
  if (done.has(chain.name)) return;
  path.add(chain.name);
  for (const { rule } of chain.entries) {
    const t = rule.target;
    if (t?.kind === 'module' && t.module.hooks !== undefined && !t.module.hooks.includes(hook)) {
      throw new NetfilterError(
        { code: 'NETFILTER_ERR_TARGET_NOT_ALLOWED', table, chain: chain.name, target: t.module.name, hook },
        `${t.module.name} target: used from hooks ${hook}, but only usable from ${t.module.hooks.join('/')}`
      );
    }
    if (t?.kind === 'jump') {
      const next = lookup(t.chain);
      if (next !== undefined) visit(table, next, hook, path, done, lookup);
    }
  }
  path.delete(chain.name);
  done.add(chain.name);
}
