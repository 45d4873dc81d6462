import type { Clock, Logger, TimerHandle } from '@swarmsim/interface';
import type { TcpFlags, TcpSegment } from '@swarmsim/packet';
import { TcpError, type TcpTuple } from './errors.js';
import type { ResolvedTcpOptions } from './options.js';
import { Receiver } from './receiver.js';
import { RtoEstimator } from './rto.js';
import { EMPTY, tcpFlags } from './segment.js';
import { Sender, type Outgoing } from './sender.js';
import { seqAdd, seqGe, seqLt } from './seq.js';
import { TcpSocket, type SocketBackend } from './socket.js';
import type { TcpSocketEvents, TcpState, TcpStats } from './types.js';

/** What a connection needs from its {@link TcpLayer}. */
export interface ConnectionHost {
  readonly clock: Clock;
  readonly options: ResolvedTcpOptions;
  readonly log: Logger;
  /** A fresh initial sequence number from the seeded RNG. */
  isn(): number;
  output(segment: TcpSegment, srcIp: string, dstIp: string): void;
  /** Defers an application callback (see EventQueue). */
  defer(fn: () => void): void;
  /** Runs `fn` to completion before any segment delivered meanwhile is processed. */
  run(fn: () => void): void;
  /** The connection reached CLOSED: forget it. */
  release(conn: Connection): void;
  /** A passive open completed its handshake: hand it to the listener. */
  accept(conn: Connection): void;
}

// States in which new data (and our FIN) may go out. end() moves to FIN_WAIT_1/LAST_ACK at once, so
// bytes queued before it may still be unsent there — and in CLOSING, if the peer's FIN came meanwhile.
const SENDING: ReadonlySet<TcpState> = new Set(['ESTABLISHED', 'CLOSE_WAIT', 'FIN_WAIT_1', 'LAST_ACK', 'CLOSING']);

/**
 * The transmission control block of one connection: RFC 9293 state machine glue between the
 * {@link Sender}, the {@link Receiver}, the RTO timer and the application's {@link TcpSocket}.
 * Segment arrival is in `input.ts`.
 */
export class Connection implements SocketBackend {
  state: TcpState = 'CLOSED';
  readonly socket: TcpSocket;
  readonly sender: Sender;
  readonly receiver: Receiver;
  readonly rto: RtoEstimator;
  readonly stats: TcpStats = { retransmits: 0, bytesSent: 0, bytesReceived: 0, segmentsSent: 0, segmentsReceived: 0 };
  /** Consecutive retransmission timeouts without progress. */
  retries = 0;
  /** An ACK is owed to the peer; `flush` sends it unless data carries it. */
  ackPending = false;
  // The application called end().
  private ended = false;
  private rtoTimer: TimerHandle | undefined;
  private timeWaitTimer: TimerHandle | undefined;
  // One segment timed at a time (RFC 6298 §3); cleared by any retransmission (Karn's rule).
  private rttTiming: { seq: number; sentAt: number } | undefined;
  readonly localIp: string;
  readonly localPort: number;
  readonly remoteIp: string;
  readonly remotePort: number;

  constructor(
    private readonly host: ConnectionHost,
    tuple: TcpTuple,
    /** Made by a listener (passive open) rather than connect(). */
    readonly passive: boolean
  ) {
    ({
      localIp: this.localIp,
      localPort: this.localPort,
      remoteIp: this.remoteIp,
      remotePort: this.remotePort
    } = tuple);
    this.sender = new Sender(host.options.mss);
    this.receiver = new Receiver(host.options.receiveWindow);
    this.rto = new RtoEstimator(host.options);
    this.socket = new TcpSocket(this);
  }

  /** `local>remote`, the demultiplexing key. */
  get key(): string {
    return connectionKey(this.localIp, this.localPort, this.remoteIp, this.remotePort);
  }

  /** In CLOSED (a getter, so checks after a call that may close are not narrowed away). */
  get closed(): boolean {
    return this.state === 'CLOSED';
  }

  /** RFC 6298 SRTT. */
  get smoothedRttMs(): number | undefined {
    return this.rto.smoothedRttMs;
  }

  /** Active open: SYN with our MSS. */
  openActive(): void {
    this.sender.init(this.host.isn());
    this.setState('SYN_SENT');
    this.sendSyn(false);
  }

  /** Passive open from a listener: SYN-ACK. */
  openPassive(syn: TcpSegment): void {
    this.stats.segmentsReceived++;
    this.receiver.init(syn.seq);
    this.sender.init(this.host.isn());
    this.sender.peerSyn(syn);
    this.setState('SYN_RECEIVED');
    this.sendSyn(true);
  }

  /** See {@link TcpSocket.write}. */
  write(data: Uint8Array): void {
    if (this.ended) throw new TcpError({ code: 'TCP_ERR_WRITE_AFTER_END', ...this.tuple() }, 'write after end');
    if (this.state === 'CLOSED')
      throw new TcpError({ code: 'TCP_ERR_NOT_CONNECTED', ...this.tuple() }, 'socket is closed');
    this.host.run(() => {
      this.sender.write(data);
      this.flush();
    });
  }

  /** See {@link TcpSocket.end}: the state moves at once (RFC 9293 CLOSE), the FIN follows the queued bytes. */
  end(): void {
    if (this.ended || this.state === 'CLOSED') return;
    this.host.run(() => {
      this.ended = true;
      this.sender.finQueued = true;
      this.closeSendSide();
      this.flush();
    });
  }

  /** See {@link TcpSocket.destroy}. */
  destroy(): void {
    const state = this.state;
    if (state === 'CLOSED' || state === 'TIME_WAIT') return;
    this.host.run(() => {
      // RFC 9293 ABORT: RST only where the peer holds a synchronized connection.
      if (state !== 'SYN_SENT' && state !== 'CLOSING' && state !== 'LAST_ACK') {
        this.send(this.sender.nxt, { rst: true, ack: true });
      }
      this.teardown();
      this.emit('close', false);
    });
  }

  /** Sends whatever the window allows, then a bare ACK if one is owed and nothing carried it. */
  flush(): void {
    let sent = false;
    if (SENDING.has(this.state)) {
      for (let out = this.sender.next(); out !== undefined; out = this.sender.next()) {
        this.sendNew(out);
        sent = true;
      }
    }
    if (this.ackPending && !sent) this.send(this.sender.nxt, { ack: true });
    this.ackPending = false;
  }

  /** RST with sequence number `seq` and no ACK (answer to an unacceptable ACK). */
  sendReset(seq: number): void {
    this.send(seq, { rst: true });
  }

  /** SYN (active) or SYN-ACK (passive), timed for an RTT sample unless it is a retransmission. */
  sendSyn(ack: boolean, retransmission = false): void {
    if (retransmission) this.stats.retransmits++;
    this.rttTiming = retransmission ? undefined : { seq: seqAdd(this.sender.iss, 1), sentAt: this.host.clock.now() };
    this.send(this.sender.iss, { syn: true, ack }, EMPTY, this.host.options.mss);
    this.armRto();
  }

  /** Retransmits the oldest unacknowledged segment and restarts the timer. */
  retransmitHead(): void {
    const out = this.sender.head();
    if (out === undefined) return;
    this.stats.retransmits++;
    this.rttTiming = undefined;
    this.send(out.seq, { ack: true, fin: out.fin, psh: out.push }, out.payload);
    this.restartRto();
  }

  /** The peer acknowledged new data (RFC 6298 §5.2–5.3, RFC 6582 partial ACKs). */
  onNewAck(ack: number): void {
    const s = this.sender;
    s.acknowledge(ack);
    this.retries = 0;
    // RFC 6298 §5.7 lets the backoff go once new data is acknowledged.
    this.rto.resetBackoff();
    if (this.rttTiming !== undefined && seqGe(ack, this.rttTiming.seq)) {
      this.rto.sample(this.host.clock.now() - this.rttTiming.sentAt);
      this.rttTiming = undefined;
    }
    s.dupAcks = 0;
    const partial = s.recover !== undefined && seqLt(ack, s.recover);
    if (!partial) s.recover = undefined;
    if (s.una === s.nxt) this.stopRto();
    else this.restartRto();
    if (partial) this.retransmitHead();
  }

  /** Counts a duplicate ACK; the third one triggers fast retransmit (RFC 5681 §3.2). */
  onDupAck(): void {
    const s = this.sender;
    s.dupAcks++;
    // NewReno: one fast retransmit per window; partial ACKs repair the rest.
    if (s.dupAcks === 3 && s.recover === undefined) {
      s.recover = s.nxt;
      this.retransmitHead();
    }
  }

  /** Handshake done, either side. */
  established(): void {
    this.setState('ESTABLISHED');
    if (this.passive) this.host.accept(this);
    else this.emit('connect');
    if (this.ended) this.closeSendSide();
  }

  /** In-order payload for the application. */
  deliver(data: Uint8Array): void {
    this.stats.bytesReceived += data.length;
    this.emit('data', data);
  }

  /** The peer's FIN was reached in order. */
  peerFinished(): void {
    this.ackPending = true;
    this.emit('end');
    if (this.state === 'ESTABLISHED') this.setState('CLOSE_WAIT');
    else if (this.state === 'FIN_WAIT_1') this.setState('CLOSING');
    else if (this.state === 'FIN_WAIT_2') this.enterTimeWait();
  }

  /** The active closer lingers 2·MSL to absorb a retransmitted FIN; the app is done with it already. */
  enterTimeWait(): void {
    this.stopRto();
    this.setState('TIME_WAIT');
    this.emit('close', false);
    this.restartTimeWait();
  }

  /** (Re)starts the TIME_WAIT timer; a retransmitted FIN restarts it (RFC 9293 §3.10.7.4). */
  restartTimeWait(): void {
    this.timeWaitTimer?.clear();
    this.timeWaitTimer = this.host.clock.setTimeout(
      () => this.host.run(() => this.teardown()),
      this.host.options.timeWaitMs
    );
  }

  /** Graceful end in CLOSED (LAST_ACK acknowledged, or RST while closing). */
  finish(): void {
    const quiet = this.state === 'TIME_WAIT';
    this.teardown();
    if (!quiet) this.emit('close', false);
  }

  /** Ends the connection with `error` then `close(true)`; a passive open nobody accepted ends silently. */
  fail(err: TcpError): void {
    const visible = !(this.passive && this.state === 'SYN_RECEIVED');
    this.host.log.debug({ conn: this.key, code: err.code }, 'tcp connection failed');
    this.teardown();
    if (!visible) return;
    this.emit('error', err);
    this.emit('close', true);
  }

  /** The error for an RST (RFC 9293: refused before the handshake completed, reset after). */
  resetError(): TcpError {
    if (this.state === 'SYN_SENT' || this.state === 'SYN_RECEIVED') {
      return new TcpError({ code: 'TCP_ERR_CONNECTION_REFUSED', ...this.tuple() }, 'connection refused');
    }
    return new TcpError({ code: 'TCP_ERR_CONNECTION_RESET', state: this.state, ...this.tuple() }, 'connection reset');
  }

  /** Stops every timer, enters CLOSED and leaves the layer's tables. */
  teardown(): void {
    this.stopRto();
    this.timeWaitTimer?.clear();
    this.timeWaitTimer = undefined;
    this.setState('CLOSED');
    this.host.release(this);
  }

  /** Logs and applies a state change. */
  setState(next: TcpState): void {
    if (next === this.state) return;
    this.host.log.debug({ conn: this.key, from: this.state, to: next }, 'tcp state');
    this.state = next;
  }

  private closeSendSide(): void {
    if (this.state === 'ESTABLISHED') this.setState('FIN_WAIT_1');
    else if (this.state === 'CLOSE_WAIT') this.setState('LAST_ACK');
  }

  private sendNew(out: Outgoing): void {
    this.send(out.seq, { ack: true, fin: out.fin, psh: out.push }, out.payload);
    this.sender.sent(out);
    this.rttTiming ??= { seq: this.sender.nxt, sentAt: this.host.clock.now() };
    this.armRto();
  }

  private send(seq: number, flags: Partial<TcpFlags>, payload: Uint8Array = EMPTY, mss?: number): void {
    const segment: TcpSegment = {
      srcPort: this.localPort,
      dstPort: this.remotePort,
      seq,
      ack: flags.ack === true ? this.receiver.nxt : 0,
      flags: tcpFlags(flags),
      window: this.receiver.window,
      urgentPointer: 0,
      payload
    };
    if (mss !== undefined) segment.mss = mss;
    this.stats.segmentsSent++;
    this.stats.bytesSent += payload.length;
    this.host.output(segment, this.localIp, this.remoteIp);
  }

  private armRto(): void {
    this.rtoTimer ??= this.host.clock.setTimeout(() => this.host.run(() => this.onRtoExpired()), this.rto.rtoMs);
  }

  private restartRto(): void {
    this.stopRto();
    this.armRto();
  }

  private stopRto(): void {
    this.rtoTimer?.clear();
    this.rtoTimer = undefined;
  }

  private onRtoExpired(): void {
    this.rtoTimer = undefined;
    const handshake = this.state === 'SYN_SENT' || this.state === 'SYN_RECEIVED';
    const o = this.host.options;
    const limit =
      this.state === 'SYN_SENT' ? o.synRetries : this.state === 'SYN_RECEIVED' ? o.synAckRetries : o.maxRetries;
    if (this.retries >= limit) {
      const type = { code: 'TCP_ERR_TIMEOUT' as const, state: this.state, retries: this.retries, ...this.tuple() };
      this.fail(new TcpError(type, 'retransmissions exhausted'));
      return;
    }
    this.retries++;
    this.rto.backoff();
    if (handshake) {
      this.sendSyn(this.state === 'SYN_RECEIVED', true);
      return;
    }
    // RFC 6298 §5.4: resend the oldest unacknowledged segment; with `recover` set, every partial ACK
    // that follows resends the next hole at once (RFC 6582) instead of waiting for another timeout.
    this.sender.recover = this.sender.nxt;
    this.sender.dupAcks = 0;
    this.retransmitHead();
  }

  private emit<K extends keyof TcpSocketEvents>(event: K, ...args: TcpSocketEvents[K]): void {
    this.host.defer(() => this.socket.emit(event, ...args));
  }

  private tuple(): TcpTuple {
    return { localIp: this.localIp, localPort: this.localPort, remoteIp: this.remoteIp, remotePort: this.remotePort };
  }
}

/** Demultiplexing key of a 4-tuple. */
export function connectionKey(localIp: string, localPort: number, remoteIp: string, remotePort: number): string {
  return `${localIp}:${localPort}>${remoteIp}:${remotePort}`;
}
