import { badRule, NetfilterError } from '../errors.js';
import type { TableName } from '../types.js';
import { parseCommand, type IptablesCommand } from './command.js';
import type { ListFormat } from './format-list.js';
import type { Rule } from './rule.js';

/** The operations `iptables` drives; Netfilter implements them. */
export interface IptablesApi {
  parseRule(spec: string | readonly string[]): Rule;
  insert(table: TableName, chain: string, rule: Rule, position?: number): void;
  append(table: TableName, chain: string, rule: Rule): void;
  replace(table: TableName, chain: string, position: number, rule: Rule): void;
  delete(table: TableName, chain: string, rule: Rule | number): void;
  check(table: TableName, chain: string, rule: Rule): boolean;
  newChain(table: TableName, chain: string): void;
  deleteChain(table: TableName, chain?: string): void;
  renameChain(table: TableName, from: string, to: string): void;
  flush(table: TableName, chain?: string): void;
  zero(table: TableName, chain?: string): void;
  setPolicy(table: TableName, chain: string, policy: 'ACCEPT' | 'DROP'): void;
  list(table: TableName, opts?: ListFormat & { chain?: string; ruleNumber?: number }): string;
  listRules(table: TableName, opts?: { chain?: string; verbose?: boolean; ruleNumber?: number }): string;
}

const TABLES: readonly TableName[] = ['raw', 'mangle', 'nat', 'filter'];

/** Validates a table name (`-t`). */
export function asTable(name: string): TableName {
  if ((TABLES as readonly string[]).includes(name)) return name as TableName;
  throw new NetfilterError(
    { code: 'NETFILTER_ERR_NO_TABLE', table: name, token: name },
    `can't initialize iptables table \`${name}': Table does not exist`
  );
}

const TAKES_RULE = new Set(['A', 'I', 'D', 'R', 'C']);

/** Runs one iptables command line; returns what iptables prints on stdout ('' for changes). */
export function runIptables(argv: readonly string[], api: IptablesApi): string {
  const cmd = parseCommand(argv);
  const table = asTable(cmd.table);
  const spec = cmd.spec;
  const takesRule = TAKES_RULE.has(cmd.command) && !(cmd.command === 'D' && cmd.ruleNumber !== undefined);
  if (!takesRule && spec.length > 0) throw badRule(spec[0]!, `Illegal option \`${spec[0]}' with this command`);
  const chain = cmd.chain;
  if (chain !== undefined && TAKES_RULE.has(cmd.command)) return ruleCommand(cmd, table, chain, api);
  return chainCommand(cmd, table, api);
}

function ruleCommand(cmd: IptablesCommand, table: TableName, chain: string, api: IptablesApi): string {
  if (cmd.command === 'D' && cmd.ruleNumber !== undefined) {
    api.delete(table, chain, cmd.ruleNumber);
    return '';
  }
  const rule = api.parseRule(cmd.spec);
  switch (cmd.command) {
    case 'A':
      api.append(table, chain, rule);
      break;
    case 'I':
      api.insert(table, chain, rule, cmd.ruleNumber ?? 1);
      break;
    case 'R':
      api.replace(table, chain, cmd.ruleNumber!, rule);
      break;
    case 'D':
      api.delete(table, chain, rule);
      break;
    default:
      if (!api.check(table, chain, rule)) {
        throw new NetfilterError(
          { code: 'NETFILTER_ERR_NO_RULE', table, chain },
          'Bad rule (does a matching rule exist in that chain?).'
        );
      }
  }
  return '';
}

function chainCommand(cmd: IptablesCommand, table: TableName, api: IptablesApi): string {
  const chain = cmd.chain;
  switch (cmd.command) {
    case 'L':
      return api.list(table, {
        chain,
        verbose: cmd.verbose,
        numeric: cmd.numeric,
        exact: cmd.exact,
        lineNumbers: cmd.lineNumbers,
        ruleNumber: cmd.ruleNumber
      });
    case 'S':
      return api.listRules(table, { chain, verbose: cmd.verbose, ruleNumber: cmd.ruleNumber });
    case 'F':
      api.flush(table, chain);
      return '';
    case 'Z':
      api.zero(table, chain);
      return '';
    case 'X':
      api.deleteChain(table, chain);
      return '';
    case 'N':
      api.newChain(table, chain!);
      return '';
    case 'E':
      api.renameChain(table, chain!, cmd.argument!);
      return '';
    default:
      return policyCommand(table, chain!, cmd.argument!, api);
  }
}

function policyCommand(table: TableName, chain: string, policy: string, api: IptablesApi): string {
  if (policy !== 'ACCEPT' && policy !== 'DROP') throw badRule(policy, `Bad policy name \`${policy}'`);
  api.setPolicy(table, chain, policy);
  return '';
}
