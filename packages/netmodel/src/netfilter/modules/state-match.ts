import { badRule } from '../errors.js';
import type { MatchContext, MatchModule } from '../rules/modules.js';
import { once, single } from './values.js';

/** States `--ctstate`/`--state` accept, in the order iptables prints them. */
const STATE_NAMES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;

/** A conntrack state name of `--ctstate`. */
export type CtStateName = (typeof STATE_NAMES)[number];

/** Parsed `--ctstate`/`--state`. */
export interface StateMatchState {
  readonly states: readonly CtStateName[];
  readonly invert: boolean;
}

function parseStates(text: string, invert: boolean, allowNat: boolean): StateMatchState {
  const states = new Set<CtStateName>();
  for (const word of text.split(',')) {
    const name = word.toUpperCase() as CtStateName;
    if (!STATE_NAMES.includes(name) || (!allowNat && (name === 'SNAT' || name === 'DNAT'))) {
      throw badRule(text, `Bad ctstate "${word}"`);
    }
    states.add(name);
  }
  return { states: STATE_NAMES.filter((s) => states.has(s)), invert };
}

/** The state bits a packet has: its ctinfo, plus SNAT/DNAT when its connection is NATed. */
function packetStates(ctx: MatchContext): Set<CtStateName> {
  const set = new Set<CtStateName>([ctx.ctState]);
  if (ctx.conntrack?.srcNat === true) set.add('SNAT');
  if (ctx.conntrack?.dstNat === true) set.add('DNAT');
  return set;
}

function matchStates(s: StateMatchState, ctx: MatchContext): boolean {
  const have = packetStates(ctx);
  return s.states.some((st) => have.has(st)) !== s.invert;
}

function requireStates(name: string, option: string) {
  return (state: StateMatchState | undefined): StateMatchState => {
    if (state === undefined) throw badRule(name, `${name} match: option "--${option}" must be specified`);
    return state;
  };
}

/** `-m conntrack --ctstate NEW,ESTABLISHED,…` (only --ctstate of xt_conntrack's options). */
export const conntrackMatch: MatchModule<StateMatchState> = {
  name: 'conntrack',
  options: { ctstate: 1 },
  parse(state, option, values, invert) {
    once(state, option);
    return parseStates(single(values), invert, true);
  },
  finish: requireStates('conntrack', 'ctstate'),
  match: (s, _pkt, ctx) => matchStates(s, ctx),
  print: (s) => `${s.invert ? ' !' : ''} ctstate ${s.states.join(',')}`,
  save: (s) => `${s.invert ? ' !' : ''} --ctstate ${s.states.join(',')}`
};

/** `-m state --state …`, the older spelling Docker's ingress rules still use. */
export const stateMatch: MatchModule<StateMatchState> = {
  name: 'state',
  options: { state: 1 },
  parse(state, option, values, invert) {
    once(state, option);
    return parseStates(single(values), invert, false);
  },
  finish: requireStates('state', 'state'),
  match: (s, _pkt, ctx) => matchStates(s, ctx),
  print: (s) => `${s.invert ? ' !' : ''} state ${s.states.join(',')}`,
  save: (s) => `${s.invert ? ' !' : ''} --state ${s.states.join(',')}`
};
