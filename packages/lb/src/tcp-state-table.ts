import type { ConnState } from './timeouts.js';

/** TCP flags of one segment, as IPVS reads them (rst wins over syn, syn over fin, fin over ack). */
export interface TcpFlagsSeen {
  syn?: boolean;
  fin?: boolean;
  ack?: boolean;
  rst?: boolean;
}

/** Which way a segment goes: `in` client → virtual service, `out` server → client (seen only in NAT mode). */
export type FlowDirection = 'in' | 'out';

type Row = 'syn' | 'fin' | 'ack' | 'rst';

const ABBREV: Record<string, ConnState> = {
  NO: 'NONE',
  ES: 'ESTABLISHED',
  SS: 'SYN_SENT',
  SR: 'SYN_RECV',
  FW: 'FIN_WAIT',
  TW: 'TIME_WAIT',
  CL: 'CLOSE',
  CW: 'CLOSE_WAIT',
  LA: 'LAST_ACK',
  LI: 'LISTEN',
  SA: 'SYNACK'
};

/** Column order of the kernel table: the state before the segment. */
const COLUMNS: ConnState[] = Object.values(ABBREV);

// ip_vs_proto_tcp.c tcp_states[] (current kernels), one row per flag, columns sNO … sSA.
const TABLES: Record<'input' | 'output' | 'inputOnly', Record<Row, string>> = {
  input: {
    syn: 'SR ES ES SR SR SR SR SR SR SR SR',
    fin: 'CL CW SS TW TW TW CL CW LA LI TW',
    ack: 'CL ES SS ES FW TW CL CW CL LI ES',
    rst: 'CL CL CL SR CL CL CL CL LA LI SR'
  },
  output: {
    syn: 'SS ES SS SR SS SS SS SS SS LI SR',
    fin: 'TW FW SS TW FW TW CL TW LA LI TW',
    ack: 'ES ES SS ES FW TW CL CW LA ES ES',
    rst: 'CL CL SS CL CL TW CL CL CL CL CL'
  },
  // Used while no reply was seen (direct routing / tunnelling never show IPVS the server's packets).
  inputOnly: {
    syn: 'SR ES ES SR SR SR SR SR SR SR SR',
    fin: 'CL FW SS TW FW TW CL CW LA LI TW',
    ack: 'CL ES SS ES FW TW CL CW CL LI ES',
    rst: 'CL CL CL SR CL CL CL CL LA LI CL'
  }
};

function row(flags: TcpFlagsSeen): Row | undefined {
  if (flags.rst === true) return 'rst';
  if (flags.syn === true) return 'syn';
  if (flags.fin === true) return 'fin';
  if (flags.ack === true) return 'ack';
  return undefined;
}

/** set_tcp_state: the state after one segment; a segment with no flag IPVS reads leaves it unchanged. */
export function nextTcpState(
  state: ConnState,
  flags: TcpFlagsSeen,
  table: 'input' | 'output' | 'inputOnly'
): ConnState {
  const r = row(flags);
  const column = COLUMNS.indexOf(state);
  if (r === undefined || column < 0) return state;
  return ABBREV[TABLES[table][r].split(' ')[column]!]!;
}
