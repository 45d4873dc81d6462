import { ipv4ToUint32 } from '@swarmsim/packet';
import { badRule } from '../errors.js';
import { formatNatRange, natFlagWords, parseNatRange, parsePortRange, type NatRange } from '../nat/nat-range.js';
import type { RuleHead, TargetModule } from '../rules/modules.js';
import { noInvert, single } from './values.js';

// Port mappings need a protocol with ports (nf_nat checks; iptables refuses the rule up front).
const PORT_PROTOCOLS = new Set([6, 17, 33, 132]);

function parseNat(rangeOption: string) {
  return (state: NatRange | undefined, option: string, values: readonly string[], invert: boolean): NatRange => {
    noInvert(invert, option);
    const s = state ?? {};
    if (option === 'random') return { ...s, random: true };
    if (option === 'random-fully') return { ...s, randomFully: true };
    if (option === 'persistent') return { ...s, persistent: true };
    if (s.minIp !== undefined || s.minPort !== undefined)
      throw badRule(`--${option}`, `Multiple --${option} not supported`);
    const text = single(values);
    const range =
      option === rangeOption && rangeOption !== 'to-ports' ? parseNatRange(text) : parsePortRange(text, text);
    return { ...s, ...range };
  };
}

function finishNat(name: string, required: string | undefined) {
  return (state: NatRange | undefined, head: RuleHead): NatRange => {
    const s = state ?? {};
    if (required !== undefined && s.minIp === undefined && s.minPort === undefined) {
      throw badRule(name, `${name}: option "--${required}" must be specified`);
    }
    if (s.minPort !== undefined && (!PORT_PROTOCOLS.has(head.protocol) || head.invertProtocol)) {
      throw badRule(name, 'Need TCP, UDP, SCTP or DCCP with port specification');
    }
    return s;
  };
}

function printNat(prefix: string, portsOnly: boolean) {
  return (r: NatRange): string => {
    const range = formatNatRange(r, portsOnly);
    return `${range === '' ? '' : ` ${prefix}${range}`}${natFlagWords(r)
      .map((w) => ` ${w}`)
      .join('')}`;
  };
}

function saveNat(option: string, portsOnly: boolean) {
  return (r: NatRange): string => {
    const range = formatNatRange(r, portsOnly);
    return `${range === '' ? '' : ` --${option} ${range}`}${natFlagWords(r)
      .map((w) => ` --${w}`)
      .join('')}`;
  };
}

/** `-j DNAT --to-destination ip[-ip][:port[-port]]` (nat PREROUTING/OUTPUT). */
export const dnatTarget: TargetModule<NatRange> = {
  name: 'DNAT',
  options: { 'to-destination': 1, random: 0, persistent: 0 },
  tables: ['nat'],
  hooks: ['PREROUTING', 'OUTPUT'],
  parse: parseNat('to-destination'),
  finish: finishNat('DNAT', 'to-destination'),
  run: (r, _pkt, ctx) => ctx.nat('dst', r),
  print: printNat('to:', false),
  save: saveNat('to-destination', false)
};

/** `-j SNAT --to-source ip[-ip][:port[-port]]` (nat POSTROUTING/INPUT). */
export const snatTarget: TargetModule<NatRange> = {
  name: 'SNAT',
  options: { 'to-source': 1, random: 0, 'random-fully': 0, persistent: 0 },
  tables: ['nat'],
  hooks: ['POSTROUTING', 'INPUT'],
  parse: parseNat('to-source'),
  finish: finishNat('SNAT', 'to-source'),
  run: (r, _pkt, ctx) => ctx.nat('src', r),
  print: printNat('to:', false),
  save: saveNat('to-source', false)
};

/** `-j MASQUERADE [--to-ports p[-p]]`: SNAT to the primary address of the outgoing interface. */
export const masqueradeTarget: TargetModule<NatRange> = {
  name: 'MASQUERADE',
  options: { 'to-ports': 1, random: 0, 'random-fully': 0 },
  tables: ['nat'],
  hooks: ['POSTROUTING'],
  parse: parseNat('to-ports'),
  finish: finishNat('MASQUERADE', undefined),
  run(r, pkt, ctx) {
    const out = pkt.outIf ?? '';
    const ip = ctx.env.primaryAddress(out);
    // An interface without an address cannot masquerade: Linux drops the packet.
    if (ip === undefined) return 'DROP';
    const n = ipv4ToUint32(ip);
    return ctx.nat('src', { ...r, minIp: n, maxIp: n }, out);
  },
  print: printNat('masq ports: ', true),
  save: saveNat('to-ports', true)
};

/** `-j REDIRECT [--to-ports p[-p]]`: DNAT to the incoming interface's primary address (127.0.0.1 from OUTPUT). */
export const redirectTarget: TargetModule<NatRange> = {
  name: 'REDIRECT',
  options: { 'to-ports': 1, random: 0 },
  tables: ['nat'],
  hooks: ['PREROUTING', 'OUTPUT'],
  parse: parseNat('to-ports'),
  finish: finishNat('REDIRECT', undefined),
  run(r, pkt, ctx) {
    const ip = ctx.hook === 'OUTPUT' ? '127.0.0.1' : ctx.env.primaryAddress(pkt.inIf ?? '');
    if (ip === undefined) return 'DROP';
    const n = ipv4ToUint32(ip);
    return ctx.nat('dst', { ...r, minIp: n, maxIp: n });
  },
  print: printNat('redir ports ', true),
  save: saveNat('to-ports', true)
};
