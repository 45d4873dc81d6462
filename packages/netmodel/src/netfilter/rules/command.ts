import { badRule } from '../errors.js';

/** The command letters of iptables. */
export type CommandLetter = 'A' | 'I' | 'D' | 'R' | 'C' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'P' | 'E';

/** One parsed iptables invocation: table, command with its arguments, list flags and the rule tokens. */
export interface IptablesCommand {
  table: string;
  command: CommandLetter;
  chain: string | undefined;
  /** Rule number (1-based) of -I/-R/-D/-L/-S. */
  ruleNumber: number | undefined;
  /** Second argument: the policy of -P, the new name of -E. */
  argument: string | undefined;
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** Everything else: the rule specification. */
  spec: string[];
}

const COMMANDS: Readonly<Record<string, CommandLetter>> = {
  '--append': 'A',
  '--insert': 'I',
  '--delete': 'D',
  '--replace': 'R',
  '--check': 'C',
  '--list': 'L',
  '--list-rules': 'S',
  '--flush': 'F',
  '--zero': 'Z',
  '--new-chain': 'N',
  '--delete-chain': 'X',
  '--policy': 'P',
  '--rename-chain': 'E'
};

const FLAGS: Readonly<Record<string, 'verbose' | 'numeric' | 'exact' | 'lineNumbers'>> = {
  '-v': 'verbose',
  '--verbose': 'verbose',
  '-n': 'numeric',
  '--numeric': 'numeric',
  '-x': 'exact',
  '--exact': 'exact',
  '--line-numbers': 'lineNumbers'
};

// Short options that may be bundled (`-nvL`): the flags and the commands whose arguments come separately.
const BUNDLABLE = /^-[nvxLSFZXw]{2,}$/;

function expandBundles(tokens: readonly string[]): string[] {
  return tokens.flatMap((t) => (BUNDLABLE.test(t) ? [...t.slice(1)].map((c) => `-${c}`) : [t]));
}

function commandOf(tok: string): CommandLetter | undefined {
  if (/^-[AIDRCLSFZNXPE]$/.test(tok)) return tok[1] as CommandLetter;
  return COMMANDS[tok];
}

/** Splits an iptables command line into its command and the rule specification (parsed later). */
export function parseCommand(argv: readonly string[]): IptablesCommand {
  // Accept a leading program name, as in `docker exec c iptables -t nat -L`.
  const tokens = expandBundles(/^iptables(-legacy|-nft)?$/.test(argv[0] ?? '') ? argv.slice(1) : argv);
  const cmd: Omit<IptablesCommand, 'command'> & { command?: CommandLetter } = {
    table: 'filter',
    chain: undefined,
    ruleNumber: undefined,
    argument: undefined,
    verbose: false,
    numeric: false,
    exact: false,
    lineNumbers: false,
    spec: []
  };
  for (let i = 0; i < tokens.length;) {
    const tok = tokens[i++]!;
    const flag = FLAGS[tok];
    const letter = commandOf(tok);
    if (flag !== undefined) cmd[flag] = true;
    else if (tok === '-t' || tok === '--table') cmd.table = required(tokens, i++, tok);
    else if (tok === '-w' || tok === '--wait') i += /^\d+(\.\d+)?$/.test(tokens[i] ?? '') ? 1 : 0;
    else if (letter !== undefined) i = commandArgs(cmd, letter, tok, tokens, i);
    else cmd.spec.push(tok);
  }
  if (cmd.command === undefined) throw badRule(tokens[0] ?? '', 'no command specified');
  return { ...cmd, command: cmd.command };
}

function required(tokens: readonly string[], i: number, option: string): string {
  const v = tokens[i];
  if (v === undefined) throw badRule(option, `option "${option}" requires an argument`);
  return v;
}

function optional(tokens: readonly string[], i: number): string | undefined {
  const v = tokens[i];
  return v === undefined || v.startsWith('-') || v === '!' ? undefined : v;
}

function ruleNumber(text: string): number {
  if (Number(text) < 1) throw badRule(text, `Invalid rule number \`${text}'`);
  return Number(text);
}

/** Reads a command's own arguments; returns the index after them. */
function commandArgs(
  cmd: { command?: CommandLetter; chain?: string; ruleNumber?: number; argument?: string },
  letter: CommandLetter,
  tok: string,
  tokens: readonly string[],
  at: number
): number {
  if (cmd.command !== undefined) throw badRule(tok, `Can't use -${letter} with -${cmd.command}`);
  cmd.command = letter;
  let i = at;
  const chainOptional = letter === 'L' || letter === 'S' || letter === 'F' || letter === 'Z' || letter === 'X';
  cmd.chain = chainOptional ? optional(tokens, i) : required(tokens, i, tok);
  if (cmd.chain !== undefined) i++;
  if (letter === 'P' || letter === 'E') cmd.argument = required(tokens, i++, tok);
  const numberAllowed =
    letter === 'I' ||
    letter === 'D' ||
    letter === 'R' ||
    ((letter === 'L' || letter === 'S') && cmd.chain !== undefined);
  const next = tokens[i];
  if (numberAllowed && next !== undefined && /^\d+$/.test(next)) {
    cmd.ruleNumber = ruleNumber(next);
    i++;
  } else if (letter === 'R') {
    throw badRule(tok, '-R requires a rule number');
  }
  return i;
}
