import { TcpError } from './errors.js';

/** Limits and timers of a {@link TcpLayer}; every default follows Linux or the RFC named beside it. */
export interface TcpOptions {
  /** Largest payload we accept per segment, sent in our SYN. @default 1460 — Ethernet MTU 1500 − 40 (overlay devices pass 1410) */
  mss?: number;
  /** Window we advertise; no window scaling, so at most 65535. @default 65535 */
  receiveWindow?: number;
  /** Initial retransmission timeout. @default 1000 (RFC 6298 §2.1: 1 s) */
  initialRtoMs?: number;
  /** Lower bound of the RTO. @default 200 — Linux TCP_RTO_MIN */
  minRtoMs?: number;
  /** Upper bound of the RTO, backoff included. @default 120000 — Linux TCP_RTO_MAX */
  maxRtoMs?: number;
  /** Data/FIN retransmissions without progress before giving up. @default 15 (Linux tcp_retries2) */
  maxRetries?: number;
  /** SYN retransmissions before connect() fails. @default 6 (Linux tcp_syn_retries) */
  synRetries?: number;
  /** SYN-ACK retransmissions before a half-open passive connection is dropped. @default 5 (Linux tcp_synack_retries) */
  synAckRetries?: number;
  /** TIME_WAIT duration (2·MSL). @default 60000 (Linux TCP_TIMEWAIT_LEN) */
  timeWaitMs?: number;
  /** First ephemeral port. @default 32768 (Linux ip_local_port_range) */
  ephemeralPortMin?: number;
  /** Last ephemeral port. @default 60999 (Linux ip_local_port_range) */
  ephemeralPortMax?: number;
}

/** Options with every default filled in. */
export type ResolvedTcpOptions = Readonly<Required<TcpOptions>>;

/** The defaults, with their reasons on {@link TcpOptions}. */
export const TCP_DEFAULTS: ResolvedTcpOptions = {
  mss: 1460,
  receiveWindow: 65535,
  initialRtoMs: 1000,
  minRtoMs: 200,
  maxRtoMs: 120_000,
  maxRetries: 15,
  synRetries: 6,
  synAckRetries: 5,
  timeWaitMs: 60_000,
  ephemeralPortMin: 32768,
  ephemeralPortMax: 60999
};

// Largest IPv4 payload (65535) minus the IPv4 and TCP headers.
const MAX_MSS = 65535 - 40;

/** Fills defaults and validates ranges; throws `TCP_ERR_INVALID_ARGUMENT` naming the bad option. */
export function resolveTcpOptions(options: TcpOptions = {}): ResolvedTcpOptions {
  const o: Required<TcpOptions> = { ...TCP_DEFAULTS };
  for (const k of Object.keys(TCP_DEFAULTS) as (keyof TcpOptions)[]) {
    const v = options[k];
    if (v !== undefined) o[k] = v;
  }
  checkInt('mss', o.mss, 1, MAX_MSS);
  checkInt('receiveWindow', o.receiveWindow, 1, 65535);
  checkInt('minRtoMs', o.minRtoMs, 1, Number.MAX_SAFE_INTEGER);
  checkInt('maxRtoMs', o.maxRtoMs, o.minRtoMs, Number.MAX_SAFE_INTEGER);
  checkInt('initialRtoMs', o.initialRtoMs, o.minRtoMs, o.maxRtoMs);
  checkInt('maxRetries', o.maxRetries, 0, 1000);
  checkInt('synRetries', o.synRetries, 0, 1000);
  checkInt('synAckRetries', o.synAckRetries, 0, 1000);
  checkInt('timeWaitMs', o.timeWaitMs, 0, Number.MAX_SAFE_INTEGER);
  checkInt('ephemeralPortMin', o.ephemeralPortMin, 1, 65535);
  checkInt('ephemeralPortMax', o.ephemeralPortMax, o.ephemeralPortMin, 65535);
  return o;
}

/** Throws `TCP_ERR_INVALID_ARGUMENT` unless `value` is an integer in [min, max]. */
export function checkInt(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TcpError(
      { code: 'TCP_ERR_INVALID_ARGUMENT', name, value },
      `${name} must be an integer in [${min}, ${max}]`
    );
  }
}
