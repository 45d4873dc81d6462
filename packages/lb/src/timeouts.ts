import type { LbProtocol } from './types.js';

/**
 * Connection states as /proc/net/ip_vs_conn and `ipvsadm -Lnc` name them: the TCP states of
 * ip_vs_proto_tcp.c (tcp_state_name_table) and UDP's single state "UDP" (ip_vs_proto_udp.c).
 */
export type ConnState =
  | 'NONE'
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'SYNACK'
  | 'UDP';

/** The three timeouts `ipvsadm --set tcp tcpfin udp` changes, in seconds. */
export interface IpvsTimeouts {
  /** ESTABLISHED. @default 900 (tcp_timeouts[IP_VS_TCP_S_ESTABLISHED] = 15*60*HZ) */
  tcp: number;
  /** FIN_WAIT (the state after a FIN). @default 120 (tcp_timeouts[IP_VS_TCP_S_FIN_WAIT] = 2*60*HZ) */
  tcpfin: number;
  /** Every UDP flow. @default 300 (udp_timeouts[IP_VS_UDP_S_NORMAL] = 5*60*HZ) */
  udp: number;
}

/** `ipvsadm --list --timeout` on a fresh kernel: "Timeout (tcp tcpfin udp): 900 120 300". */
export const DEFAULT_TIMEOUTS: Readonly<IpvsTimeouts> = Object.freeze({ tcp: 900, tcpfin: 120, udp: 300 });

// The kernel's fixed per-state timeouts in seconds (ip_vs_proto_tcp.c tcp_timeouts[]); the three
// ipvsadm-settable ones are overridden from IpvsTimeouts.
const TCP_STATE_SECONDS: Record<Exclude<ConnState, 'UDP'>, number> = {
  NONE: 2,
  ESTABLISHED: 900,
  SYN_SENT: 120,
  SYN_RECV: 60,
  FIN_WAIT: 120,
  TIME_WAIT: 120,
  CLOSE: 10,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  LISTEN: 120,
  SYNACK: 120
};

/** Seconds a connection in `state` lives without traffic, given the ipvsadm-settable timeouts. */
export function stateTimeoutSeconds(state: ConnState, timeouts: IpvsTimeouts): number {
  if (state === 'UDP') return timeouts.udp;
  if (state === 'ESTABLISHED') return timeouts.tcp;
  if (state === 'FIN_WAIT') return timeouts.tcpfin;
  return TCP_STATE_SECONDS[state];
}

/** State of a connection right after the scheduler created it: a TCP SYN moves NONE → SYN_RECV. */
export function initialState(protocol: LbProtocol): ConnState {
  return protocol === 'udp' ? 'UDP' : 'SYN_RECV';
}

/** Only ESTABLISHED TCP connections count as active (tcp_state_active); all others, UDP included, as inactive. */
export function isActiveState(state: ConnState): boolean {
  return state === 'ESTABLISHED';
}
