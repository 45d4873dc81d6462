import { ANY_CIDR, formatCidrList } from '../addr.js';
import { PROTOCOL_NAMES } from './format-save.js';
import type { Counters, InterfaceSpec, RuleEntry } from './rule.js';
import { targetName } from './rule.js';
import type { Chain, Table } from './table.js';

/** How `iptables -L` prints (its -v, -n, -x and --line-numbers). */
export interface ListFormat {
  readonly verbose?: boolean;
  readonly numeric?: boolean;
  /** `-x`: exact counters instead of 12K / 3M. */
  readonly exact?: boolean;
  readonly lineNumbers?: boolean;
}

/** xtables_print_num: `%5llu ` up to 99999, then K/M/G/T with rounding; exact mode `%8llu `. */
export function formatCount(n: number, exact: boolean): string {
  if (exact) return `${String(n).padStart(8)} `;
  if (n <= 99999) return `${String(n).padStart(5)} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return `${String(v).padStart(4)}${unit} `;
  }
  return `${String(Math.floor((v + 500) / 1000)).padStart(4)}T `;
}

/** The same numbers without padding, for the chain header (`policy ACCEPT 12K packets, 3M bytes`). */
function headerCount(n: number, exact: boolean): string {
  return formatCount(n, exact).trimStart();
}

function chainHeader(table: Table, c: Chain, f: ListFormat): string {
  if (c.policy === undefined) return `Chain ${c.name} (${table.references(c.name)} references)`;
  if (f.verbose !== true) return `Chain ${c.name} (policy ${c.policy})`;
  const p = c.policyCounters;
  return `Chain ${c.name} (policy ${c.policy} ${headerCount(p.packets, f.exact === true)}packets, ${headerCount(p.bytes, f.exact === true)}bytes)`;
}

/** print_header's column line, trailing spaces included. */
function columnLine(f: ListFormat): string {
  let s = f.lineNumbers === true ? `${'num'.padEnd(4)} ` : '';
  if (f.verbose === true) s += f.exact === true ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} ` : ' pkts bytes ';
  s += `${'target'.padEnd(9)}  prot opt`;
  if (f.verbose === true) s += ` ${'in'.padEnd(6)} ${'out'.padEnd(6)} `;
  return `${s} ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} `;
}

function ifaceText(i: InterfaceSpec | undefined, numeric: boolean): string {
  if (i === undefined) return numeric ? '*' : 'any';
  return `${i.invert ? '!' : ''}${i.name}`;
}

function counters(c: Counters, exact: boolean): string {
  return formatCount(c.packets, exact) + formatCount(c.bytes, exact);
}

/** print_firewall: one rule line of `iptables -L`. */
function ruleLine(e: RuleEntry, num: number, f: ListFormat): string {
  const r = e.rule;
  const numeric = f.numeric === true;
  let s = f.lineNumbers === true ? `${String(num).padEnd(4)} ` : '';
  if (f.verbose === true) s += counters(e.counters, f.exact === true);
  s += `${targetName(r.target).padEnd(9)} `;
  s += `${r.invertProtocol ? '!' : ' '}${(PROTOCOL_NAMES.get(r.protocol) ?? String(r.protocol)).padEnd(4)} -- `;
  if (f.verbose === true)
    s += ` ${ifaceText(r.inInterface, numeric).padEnd(6)} ${ifaceText(r.outInterface, numeric).padEnd(6)} `;
  s += `${r.source?.invert === true ? '!' : ' '}${formatCidrList(r.source?.cidr ?? ANY_CIDR, numeric).padEnd(19)} `;
  s += `${r.destination?.invert === true ? '!' : ' '}${formatCidrList(r.destination?.cidr ?? ANY_CIDR, numeric).padEnd(19)} `;
  for (const m of r.matches) s += m.module.print(m.state, numeric);
  const t = r.target;
  if (t?.kind === 'module') s += t.module.print(t.state, numeric);
  return s;
}

/** `iptables -L [CHAIN [N]]`: chain blocks separated by an empty line, exactly as iptables prints them. */
export function formatList(table: Table, chains: readonly Chain[], f: ListFormat, ruleNumber?: number): string {
  const blocks = chains.map((c) => {
    const lines = ruleNumber === undefined ? [chainHeader(table, c, f), columnLine(f)] : [];
    c.entries.forEach((e, i) => {
      if (ruleNumber === undefined || ruleNumber === i + 1) lines.push(ruleLine(e, i + 1, f));
    });
    return lines.map((l) => `${l}\n`).join('');
  });
  return blocks.join('\n');
}
