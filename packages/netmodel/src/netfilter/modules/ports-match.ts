import type { TcpFlags } from '@swarmsim/packet';
import { badRule } from '../errors.js';
import type { MatchModule, RuleHead } from '../rules/modules.js';
import type { NfPacket } from '../types.js';
import { portToService } from './services.js';
import { once, parsePortMatch, single, type PortMatch } from './values.js';

/** Parsed options of `-m tcp` / `-m udp`. */
export interface PortsMatchState {
  readonly sport?: PortMatch;
  readonly dport?: PortMatch;
  /** `--tcp-flags mask comp` / `--syn`: (flags & mask) == comp. */
  readonly flags?: { readonly mask: number; readonly comp: number; readonly invert: boolean };
}

// xtables tcp_flag_names, in the order print_tcpf walks them.
const FLAG_BITS: readonly (readonly [string, number])[] = [
  ['FIN', 0x01],
  ['SYN', 0x02],
  ['RST', 0x04],
  ['PSH', 0x08],
  ['ACK', 0x10],
  ['URG', 0x20],
  ['ALL', 0x3f],
  ['NONE', 0]
];

function parseFlags(text: string): number {
  let bits = 0;
  for (const name of text.split(',')) {
    const found = FLAG_BITS.find(([n]) => n === name.toUpperCase());
    if (found === undefined) throw badRule(text, `Unknown TCP flag \`${name}'`);
    bits |= found[1];
  }
  return bits;
}

function flagNames(bits: number): string {
  const names: string[] = [];
  let rest = bits;
  while (rest !== 0) {
    const [name, bit] = FLAG_BITS.find(([, b]) => b !== 0 && (rest & b) !== 0)!;
    names.push(name);
    rest &= ~bit;
  }
  return names.length === 0 ? 'NONE' : names.join(',');
}

function flagBits(f: TcpFlags): number {
  return (
    (f.fin ? 1 : 0) | (f.syn ? 2 : 0) | (f.rst ? 4 : 0) | (f.psh ? 8 : 0) | (f.ack ? 0x10 : 0) | (f.urg ? 0x20 : 0)
  );
}

function portIn(port: number, m: PortMatch | undefined): boolean {
  return m === undefined || (port >= m.min && port <= m.max) !== m.invert;
}

function printPorts(name: string, m: PortMatch | undefined, numeric: boolean, proto: 'tcp' | 'udp'): string {
  if (m === undefined || (m.min === 0 && m.max === 65535 && !m.invert)) return '';
  const inv = m.invert ? '!' : '';
  const port = (p: number): string => (numeric ? undefined : portToService(p, proto)) ?? String(p);
  return m.min === m.max ? ` ${name}:${inv}${port(m.min)}` : ` ${name}s:${inv}${port(m.min)}:${port(m.max)}`;
}

function savePorts(option: string, m: PortMatch | undefined): string {
  if (m === undefined || (m.min === 0 && m.max === 65535 && !m.invert)) return '';
  return `${m.invert ? ' !' : ''} --${option} ${m.min === m.max ? m.min : `${m.min}:${m.max}`}`;
}

const parsePortsFor =
  (proto: 'tcp' | 'udp') =>
  (state: PortsMatchState | undefined, option: string, values: readonly string[], invert: boolean): PortsMatchState =>
    parsePorts(proto, state, option, values, invert);

function parsePorts(
  proto: 'tcp' | 'udp',
  state: PortsMatchState | undefined,
  option: string,
  values: readonly string[],
  invert: boolean
): PortsMatchState {
  const s = state ?? {};
  switch (option) {
    case 'sport':
    case 'source-port':
      once(s.sport, option);
      return { ...s, sport: parsePortMatch(single(values), invert, proto) };
    case 'dport':
    case 'destination-port':
      once(s.dport, option);
      return { ...s, dport: parsePortMatch(single(values), invert, proto) };
    case 'syn':
      once(s.flags, option);
      return { ...s, flags: { mask: 0x17, comp: 0x02, invert } };
    default:
      once(s.flags, option);
      return { ...s, flags: { mask: parseFlags(values[0] ?? ''), comp: parseFlags(values[1] ?? ''), invert } };
  }
}

function finishFor(name: string, protocol: number) {
  return (state: PortsMatchState | undefined, head: RuleHead): PortsMatchState => {
    // The kernel refuses xt_tcp/xt_udp on rules that are not restricted to their protocol.
    if (head.protocol !== protocol || head.invertProtocol)
      throw badRule(name, `${name} match: only valid for protocol ${protocol}`);
    return state ?? {};
  };
}

function l4Ports(pkt: NfPacket): { srcPort: number; dstPort: number; flags?: TcpFlags } | undefined {
  if (pkt.l4.protocol === 'tcp') return pkt.l4.segment;
  if (pkt.l4.protocol === 'udp') return pkt.l4.datagram;
  return undefined;
}

function matchPorts(s: PortsMatchState, pkt: NfPacket): boolean {
  const h = l4Ports(pkt);
  if (h === undefined || !portIn(h.srcPort, s.sport) || !portIn(h.dstPort, s.dport)) return false;
  if (s.flags === undefined || h.flags === undefined) return true;
  return ((flagBits(h.flags) & s.flags.mask) === s.flags.comp) !== s.flags.invert;
}

/** `-m tcp` (loaded implicitly by `-p tcp --dport …`): ports, `--tcp-flags`, `--syn`. */
export const tcpMatch: MatchModule<PortsMatchState> = {
  name: 'tcp',
  options: { sport: 1, 'source-port': 1, dport: 1, 'destination-port': 1, 'tcp-flags': 2, syn: 0 },
  parse: parsePortsFor('tcp'),
  finish: finishFor('tcp', 6),
  match: matchPorts,
  print(s, numeric) {
    let text = ` tcp${printPorts('spt', s.sport, numeric, 'tcp')}${printPorts('dpt', s.dport, numeric, 'tcp')}`;
    if (s.flags !== undefined) {
      const f = s.flags;
      const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
      text += ` flags:${f.invert ? '!' : ''}${numeric ? `${hex(f.mask)}/${hex(f.comp)}` : `${flagNames(f.mask)}/${flagNames(f.comp)}`}`;
    }
    return text;
  },
  save(s) {
    const f = s.flags;
    const flags =
      f === undefined ? '' : `${f.invert ? ' !' : ''} --tcp-flags ${flagNames(f.mask)} ${flagNames(f.comp)}`;
    return `${savePorts('sport', s.sport)}${savePorts('dport', s.dport)}${flags}`;
  }
};

/** `-m udp` (loaded implicitly by `-p udp --dport …`). */
export const udpMatch: MatchModule<PortsMatchState> = {
  name: 'udp',
  options: { sport: 1, 'source-port': 1, dport: 1, 'destination-port': 1 },
  parse: parsePortsFor('udp'),
  finish: finishFor('udp', 17),
  match: matchPorts,
  print: (s, numeric) =>
    ` udp${printPorts('spt', s.sport, numeric, 'udp')}${printPorts('dpt', s.dport, numeric, 'udp')}`,
  save: (s) => `${savePorts('sport', s.sport)}${savePorts('dport', s.dport)}`
};
