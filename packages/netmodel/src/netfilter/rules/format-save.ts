import { formatCidrSave } from '../addr.js';
import type { AddressSpec, InterfaceSpec, Rule, RuleEntry } from './rule.js';
import { targetName } from './rule.js';
import type { Chain, Table } from './table.js';

/** Protocol names iptables prints (xtables_chain_protos); others print as numbers. */
export const PROTOCOL_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'all'],
  [1, 'icmp'],
  [6, 'tcp'],
  [17, 'udp'],
  [50, 'esp'],
  [51, 'ah'],
  [132, 'sctp'],
  [136, 'udplite']
]);

function saveAddress(letter: string, a: AddressSpec | undefined): string {
  if (a === undefined || (a.cidr.mask === 0 && a.cidr.addr === 0 && !a.invert)) return '';
  return `${a.invert ? ' !' : ''} -${letter} ${formatCidrSave(a.cidr)}`;
}

function saveIface(letter: string, i: InterfaceSpec | undefined): string {
  if (i === undefined || (i.name === '+' && !i.invert)) return '';
  return `${i.invert ? ' !' : ''} -${letter} ${i.name}`;
}

/**
 * print_rule4 without the `-A CHAIN`: ` -s … -d … -i … -o … -p … -m M …opts -j T …opts`, each part with a
 * leading space; `counters` inserts iptables -S -v's ` -c PKTS BYTES` before the target.
 */
export function formatRuleSpec(rule: Rule, counters?: { packets: number; bytes: number }): string {
  let s = saveAddress('s', rule.source) + saveAddress('d', rule.destination);
  s += saveIface('i', rule.inInterface) + saveIface('o', rule.outInterface);
  if (rule.protocol !== 0)
    s += `${rule.invertProtocol ? ' !' : ''} -p ${PROTOCOL_NAMES.get(rule.protocol) ?? rule.protocol}`;
  for (const m of rule.matches) s += ` -m ${m.module.name}${m.module.save(m.state)}`;
  if (counters !== undefined) s += ` -c ${counters.packets} ${counters.bytes}`;
  const t = rule.target;
  if (t !== undefined) s += ` -j ${targetName(t)}${t.kind === 'module' ? t.module.save(t.state) : ''}`;
  return s;
}

/** One `-A CHAIN …` line. */
export function formatRuleLine(chain: string, entry: RuleEntry, withCounters: boolean): string {
  return `-A ${chain}${formatRuleSpec(entry.rule, withCounters ? entry.counters : undefined)}`;
}

/** `iptables -S [CHAIN [N]]`: policies and `-N` lines first, then the rules; `-v` adds counters. */
export function formatListRules(chains: readonly Chain[], verbose: boolean, ruleNumber?: number): string {
  const lines: string[] = [];
  if (ruleNumber === undefined) {
    for (const c of chains) {
      if (c.policy === undefined) lines.push(`-N ${c.name}`);
      else
        lines.push(
          `-P ${c.name} ${c.policy}${verbose ? ` -c ${c.policyCounters.packets} ${c.policyCounters.bytes}` : ''}`
        );
    }
  }
  for (const c of chains) {
    c.entries.forEach((e, i) => {
      if (ruleNumber === undefined || ruleNumber === i + 1) lines.push(formatRuleLine(c.name, e, verbose));
    });
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** One table of `iptables-save` (`*nat` … `COMMIT`); `counters` is iptables-save -c. */
export function formatTableSave(table: Table, counters: boolean): string {
  const chains = table.orderedChains();
  const lines = [`*${table.name}`];
  for (const c of chains) {
    lines.push(
      c.policy === undefined
        ? `:${c.name} - [0:0]`
        : `:${c.name} ${c.policy} [${c.policyCounters.packets}:${c.policyCounters.bytes}]`
    );
  }
  for (const c of chains) {
    for (const e of c.entries)
      lines.push(
        `${counters ? `[${e.counters.packets}:${e.counters.bytes}] ` : ''}${formatRuleLine(c.name, e, false)}`
      );
  }
  lines.push('COMMIT');
  return lines.map((l) => `${l}\n`).join('');
}
