/**
 * Conntrack timeouts in seconds, named after their sysctls (`net.netfilter.nf_conntrack_<name>`).
 * Defaults are Linux's (nf_conntrack_proto_{tcp,udp,icmp,generic}.c).
 */
export interface ConntrackTimeouts {
  /** @default 120 — 2 min: a SYN waits this long for its SYN-ACK */
  tcp_timeout_syn_sent: number;
  /** @default 60 */
  tcp_timeout_syn_recv: number;
  /** @default 432000 — 5 days: idle established TCP connections are kept that long */
  tcp_timeout_established: number;
  /** @default 120 */
  tcp_timeout_fin_wait: number;
  /** @default 60 */
  tcp_timeout_close_wait: number;
  /** @default 30 */
  tcp_timeout_last_ack: number;
  /** @default 120 — 2 MSL, as RFC 1122 TIME-WAIT */
  tcp_timeout_time_wait: number;
  /** @default 10 — after a RST */
  tcp_timeout_close: number;
  /** @default 300 — caps ESTABLISHED for connections picked up mid-stream without a reply yet */
  tcp_timeout_unacknowledged: number;
  /** @default 30 — a datagram without an answer (yet) */
  udp_timeout: number;
  /** @default 120 — traffic seen both ways and still active after 2 s: a UDP "stream" (Linux ≥ 5.x; was 180) */
  udp_timeout_stream: number;
  /** @default 30 */
  icmp_timeout: number;
  /** @default 600 — protocols without a tracker of their own */
  generic_timeout: number;
}

/** Linux's default conntrack timeouts. */
export const DEFAULT_CONNTRACK_TIMEOUTS: Readonly<ConntrackTimeouts> = {
  tcp_timeout_syn_sent: 120,
  tcp_timeout_syn_recv: 60,
  tcp_timeout_established: 432_000,
  tcp_timeout_fin_wait: 120,
  tcp_timeout_close_wait: 60,
  tcp_timeout_last_ack: 30,
  tcp_timeout_time_wait: 120,
  tcp_timeout_close: 10,
  tcp_timeout_unacknowledged: 300,
  udp_timeout: 30,
  udp_timeout_stream: 120,
  icmp_timeout: 30,
  generic_timeout: 600
};

/** Limits and knobs of one namespace's connection tracker. */
export interface ConntrackOptions {
  /**
   * nf_conntrack_max; a new connection beyond it evicts the oldest unassured entry or is dropped
   * ("nf_conntrack: table full, dropping packet").
   * @default 262144 — Linux sizes the hash from RAM but caps it at 262144 buckets on 64-bit hosts with more
   *   than 4 GiB, and max = buckets (factor 1) unless a hashsize was given: so a 24 GiB host gets 262144.
   */
  maxEntries?: number;
  /** Overrides of individual timeouts (seconds). @default Linux's, see {@link DEFAULT_CONNTRACK_TIMEOUTS} */
  timeouts?: Partial<ConntrackTimeouts>;
  /**
   * nf_conntrack_tcp_loose: pick up TCP connections seen mid-stream (a first packet that is not a SYN).
   * @default true — as Linux
   */
  tcpLoose?: boolean;
  /**
   * Period of the sweep that frees expired entries; lookups and listings expire entries lazily anyway, so
   * this only bounds memory. No timer runs while the table is empty.
   * @default 5000 — Linux's gc worker adapts between 1 s and 60 s (GC_SCAN_INTERVAL_MIN/MAX)
   */
  gcIntervalMs?: number;
}

/** Linux's nf_conntrack_max on 64-bit hosts with more than 4 GiB of RAM. */
export const DEFAULT_CONNTRACK_MAX = 262_144;
