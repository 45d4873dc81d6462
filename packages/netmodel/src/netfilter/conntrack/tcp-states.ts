import type { TcpFlags } from '@swarmsim/packet';
import type { CtDirection, ConntrackTcpState } from './connection.js';
import type { ConntrackTimeouts } from './timeouts.js';

/** Which TCP flag combination a segment carries (get_conntrack_index). */
export type TcpIndex = 'syn' | 'synack' | 'fin' | 'ack' | 'rst' | 'none';

/** A transition result: a state, IG (ignore: let it pass, change nothing) or IV (invalid). */
export type TcpNext = ConntrackTcpState | 'IG' | 'IV';

const COLUMNS: readonly ConntrackTcpState[] = [
  'NONE',
  'SYN_SENT',
  'SYN_RECV',
  'ESTABLISHED',
  'FIN_WAIT',
  'CLOSE_WAIT',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSE',
  'SYN_SENT2'
];

const CODES: Readonly<Record<string, TcpNext>> = {
  NO: 'NONE',
  SS: 'SYN_SENT',
  SR: 'SYN_RECV',
  ES: 'ESTABLISHED',
  FW: 'FIN_WAIT',
  CW: 'CLOSE_WAIT',
  LA: 'LAST_ACK',
  TW: 'TIME_WAIT',
  CL: 'CLOSE',
  S2: 'SYN_SENT2',
  IG: 'IG',
  IV: 'IV'
};

// Linux's tcp_conntracks[dir][index][state] (nf_conntrack_proto_tcp.c), one row per flag set, one column per
// current state in COLUMNS order. We are the man in the middle and guess the state of the current sender.
const TABLE: Readonly<Record<CtDirection, Readonly<Record<TcpIndex, string>>>> = {
  original: {
    syn: 'SS SS IG IG IG IG IG SS SS S2',
    synack: 'IV IV SR IV IV IV IV IV IV SR',
    fin: 'IV IV FW FW LA LA LA TW CL IV',
    ack: 'ES IV ES ES CW CW TW TW CL IV',
    rst: 'IV CL CL CL CL CL CL CL CL CL',
    none: 'IV IV IV IV IV IV IV IV IV IV'
  },
  reply: {
    syn: 'IV S2 IV IV IV IV IV SS IV S2',
    synack: 'IV SR IG IG IG IG IG IG IG SR',
    fin: 'IV IV FW FW LA LA LA TW CL IV',
    ack: 'IV IG SR ES CW CW TW TW CL IG',
    rst: 'IV CL CL CL CL CL CL CL CL CL',
    none: 'IV IV IV IV IV IV IV IV IV IV'
  }
};

/** The next state for a segment of flag set `index` in direction `dir` from state `from`. */
export function tcpTransition(dir: CtDirection, index: TcpIndex, from: ConntrackTcpState): TcpNext {
  const code = TABLE[dir][index].split(' ')[COLUMNS.indexOf(from)]!;
  return CODES[code]!;
}

/** get_conntrack_index: RST beats SYN beats FIN beats ACK. */
export function tcpIndex(flags: TcpFlags): TcpIndex {
  if (flags.rst) return 'rst';
  if (flags.syn) return flags.ack ? 'synack' : 'syn';
  if (flags.fin) return 'fin';
  return flags.ack ? 'ack' : 'none';
}

/** tcp_valid_flags (PSH, ECE and CWR ignored): SYN+FIN, FIN without ACK and the like are INVALID. */
export function tcpFlagsValid(f: TcpFlags): boolean {
  if (f.syn) return !f.fin && !f.rst && (!f.ack || !f.urg);
  if (f.rst) return !f.fin && !f.urg;
  if (f.fin) return f.ack;
  return f.ack;
}

/** Whether `state` comes at or after TIME_WAIT in Linux's enum (TIME_WAIT, CLOSE, SYN_SENT2). */
export function atOrAfterTimeWait(state: ConntrackTcpState): boolean {
  return COLUMNS.indexOf(state) >= COLUMNS.indexOf('TIME_WAIT');
}

/** The timeout (seconds) of a TCP state. */
export function tcpStateTimeout(state: ConntrackTcpState, t: ConntrackTimeouts): number {
  switch (state) {
    case 'SYN_SENT':
    case 'SYN_SENT2':
      return t.tcp_timeout_syn_sent;
    case 'SYN_RECV':
      return t.tcp_timeout_syn_recv;
    case 'ESTABLISHED':
      return t.tcp_timeout_established;
    case 'FIN_WAIT':
      return t.tcp_timeout_fin_wait;
    case 'CLOSE_WAIT':
      return t.tcp_timeout_close_wait;
    case 'LAST_ACK':
      return t.tcp_timeout_last_ack;
    case 'TIME_WAIT':
      return t.tcp_timeout_time_wait;
    default:
      return t.tcp_timeout_close;
  }
}
