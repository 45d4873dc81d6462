import type { Tuple } from './tuple.js';

/** TCP conntrack states, as `conntrack -L` prints them. */
export type ConntrackTcpState =
  | 'NONE'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'ESTABLISHED'
  | 'FIN_WAIT'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'SYN_SENT2';

/** Direction of a packet relative to the connection's first packet. */
export type CtDirection = 'original' | 'reply';

/** Which half of a packet NAT rewrites: the source (SNAT, MASQUERADE) or the destination (DNAT, REDIRECT). */
export type NatManip = 'src' | 'dst';

/** Per-connection TCP tracker state (the parts of ip_ct_tcp we model: no window tracking). */
export interface TcpTrack {
  state: ConntrackTcpState;
  lastIndex: string;
  lastDir: CtDirection | undefined;
  /** IP_CT_TCP_FLAG_CLOSE_INIT per direction: that side sent the first FIN. */
  closeInit: { original: boolean; reply: boolean };
  simultaneousOpen: boolean;
}

/** A snapshot of one tracked connection, as `conntrack -L` shows it. */
export interface ConntrackEntry {
  readonly original: Tuple;
  readonly reply: Tuple;
  /** TCP only. */
  readonly tcpState: ConntrackTcpState | undefined;
  /** Seconds until the entry expires, rounded down (conntrack -L's third column). */
  readonly timeout: number;
  /** [ASSURED]: not evicted when the table is full. */
  readonly assured: boolean;
  /** False while [UNREPLIED]. */
  readonly seenReply: boolean;
  /** The source was translated (SNAT/MASQUERADE; IPS_SRC_NAT). */
  readonly srcNat: boolean;
  /** The destination was translated (DNAT/REDIRECT; IPS_DST_NAT). */
  readonly dstNat: boolean;
  /** Connection mark (ct mark; no CONNMARK target here, so 0). */
  readonly mark: number;
  /** Output interface of a MASQUERADE mapping: flushed when that interface goes away. */
  readonly masqueradeIf: string | undefined;
}

/** A tracked connection (struct nf_conn): mutable, owned by {@link Conntrack}. */
export class Connection {
  confirmed = false;
  /** Absolute expiry (ms) once confirmed; before that, `timeoutMs` holds the relative timeout. */
  expiresAt = 0;
  timeoutMs = 0;
  seenReply = false;
  assured = false;
  srcNat = false;
  dstNat = false;
  srcNatDone = false;
  dstNatDone = false;
  mark = 0;
  masqueradeIf: string | undefined;
  tcp: TcpTrack | undefined;
  /** UDP: traffic after this instant (with a reply seen) makes it a stream. */
  udpStreamAt = 0;

  constructor(
    public original: Tuple,
    public reply: Tuple
  ) {}

  /** nf_ct_refresh: the entry lives `seconds` more from `now`. */
  refresh(seconds: number, now: number): void {
    this.timeoutMs = seconds * 1000;
    if (this.confirmed) this.expiresAt = now + this.timeoutMs;
  }

  /** Whether NAT of that kind was decided (nf_nat_initialized). */
  natDone(manip: NatManip): boolean {
    return manip === 'src' ? this.srcNatDone : this.dstNatDone;
  }

  /** Read-only snapshot at `now`. */
  snapshot(now: number): ConntrackEntry {
    const left = this.confirmed ? this.expiresAt - now : this.timeoutMs;
    return {
      original: this.original,
      reply: this.reply,
      tcpState: this.tcp?.state,
      timeout: Math.max(0, Math.floor(left / 1000)),
      assured: this.assured,
      seenReply: this.seenReply,
      srcNat: this.srcNat,
      dstNat: this.dstNat,
      mark: this.mark,
      masqueradeIf: this.masqueradeIf
    };
  }
}
