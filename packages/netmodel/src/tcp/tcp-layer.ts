import { silentLogger, type Clock, type Logger } from '@swarmsim/interface';
import type { TcpSegment } from '@swarmsim/packet';
import { Connection, connectionKey, type ConnectionHost } from './connection.js';
import { TcpError, type TcpTuple } from './errors.js';
import { EventQueue } from './event-queue.js';
import { segmentArrives } from './input.js';
import { TcpListener } from './listener.js';
import { checkInt, resolveTcpOptions, type ResolvedTcpOptions, type TcpOptions } from './options.js';
import { PortTable } from './ports.js';
import { resetFor } from './segment.js';
import { seqGt } from './seq.js';
import type { TcpSocket } from './socket.js';

/** Collaborators of a {@link TcpLayer}, given by the network namespace that owns it. */
export interface TcpComponents {
  clock: Clock;
  /** Seeded RNG returning [0, 1), used for initial sequence numbers. */
  random: () => number;
  /** Sends a segment from `srcIp` to `dstIp`; may deliver synchronously. */
  output: (segment: TcpSegment, srcIp: string, dstIp: string) => void;
  logger?: Logger;
}

/** Options of {@link TcpLayer.listen}. */
export interface TcpListenOptions {
  /** Most half-open connections at once. @default 511 — Node's net.Server default */
  backlog?: number;
}

const ANY_IP = '0.0.0.0';
const DEFAULT_BACKLOG = 511;

/**
 * The TCP of one network namespace: listeners, connections, demultiplexing by 4-tuple, RST for segments
 * nobody owns. Segments that `output` delivers back into `receive` synchronously are queued and handled
 * after the current operation (run to completion), so no state is ever changed from inside a change.
 */
export class TcpLayer {
  private readonly options: ResolvedTcpOptions;
  private readonly log: Logger;
  private readonly conns = new Map<string, Connection>();
  private readonly listening = new Map<string, TcpListener>();
  // Passive opens still in SYN_RECEIVED, with the listener that will accept them.
  private readonly embryos = new Map<Connection, TcpListener>();
  private readonly ports: PortTable;
  private readonly events: EventQueue;
  private readonly host: ConnectionHost;
  private busy = false;
  private readonly inbox: [TcpSegment, string, string][] = [];

  constructor(
    private readonly components: TcpComponents,
    options?: TcpOptions
  ) {
    this.options = resolveTcpOptions(options);
    this.log = components.logger?.child({ component: 'tcp' }) ?? silentLogger;
    this.ports = new PortTable(this.options.ephemeralPortMin, this.options.ephemeralPortMax);
    this.events = new EventQueue(components.clock);
    this.host = this.makeHost();
  }

  /** Passive open on `ip:port` (`0.0.0.0` = any local address, port 0 = an ephemeral one). */
  listen(
    ip: string,
    port: number,
    onConnection: (socket: TcpSocket) => void,
    options: TcpListenOptions = {}
  ): TcpListener {
    checkInt('port', port, 0, 65535);
    const backlog = options.backlog ?? DEFAULT_BACKLOG;
    checkInt('backlog', backlog, 1, Number.MAX_SAFE_INTEGER);
    const local = port === 0 ? this.ports.allocate() : port;
    if (this.listenConflict(ip, local)) {
      throw new TcpError({ code: 'TCP_ERR_ADDRESS_IN_USE', ip, port: local }, `${ip}:${local} is already listening`);
    }
    const listener = new TcpListener(ip, local, backlog, onConnection, (l) => this.unlisten(l));
    this.listening.set(`${ip}:${local}`, listener);
    this.ports.hold(local);
    return listener;
  }

  /** Active open; picks the next free ephemeral port when `localPort` is omitted. */
  connect(localIp: string, remoteIp: string, remotePort: number, localPort?: number): TcpSocket {
    checkInt('remotePort', remotePort, 1, 65535);
    if (localPort !== undefined) checkInt('localPort', localPort, 1, 65535);
    return this.run(() => {
      const port = localPort ?? this.ports.allocate();
      if (this.conns.has(connectionKey(localIp, port, remoteIp, remotePort))) {
        throw new TcpError({ code: 'TCP_ERR_ADDRESS_IN_USE', ip: localIp, port }, `${localIp}:${port} is in use`);
      }
      const conn = this.register({ localIp, localPort: port, remoteIp, remotePort }, false);
      conn.openActive();
      return conn.socket;
    });
  }

  /** One locally delivered segment: to its connection, else a listener, else answered with RST. */
  receive(segment: TcpSegment, srcIp: string, dstIp: string): void {
    if (this.busy) {
      this.inbox.push([segment, srcIp, dstIp]);
      return;
    }
    this.run(() => this.dispatch(segment, srcIp, dstIp));
  }

  /** Every connection not yet CLOSED (TIME_WAIT included), for views and tests. */
  connections(): readonly TcpSocket[] {
    return [...this.conns.values()].map((c) => c.socket);
  }

  /** Every open listener. */
  listeners(): readonly TcpListener[] {
    return [...this.listening.values()];
  }

  private run<T>(fn: () => T): T {
    if (this.busy) return fn();
    this.busy = true;
    try {
      const result = fn();
      for (let m = this.inbox.shift(); m !== undefined; m = this.inbox.shift()) this.dispatch(...m);
      return result;
    } finally {
      this.busy = false;
    }
  }

  private dispatch(seg: TcpSegment, srcIp: string, dstIp: string): void {
    const conn = this.conns.get(connectionKey(dstIp, seg.dstPort, srcIp, seg.srcPort));
    if (conn !== undefined && !this.reopensTimeWait(conn, seg)) {
      segmentArrives(conn, seg);
      return;
    }
    const listener = this.findListener(dstIp, seg.dstPort);
    if (listener !== undefined) this.listenArrives(listener, seg, srcIp, dstIp);
    else this.replyReset(seg, srcIp, dstIp);
  }

  // A new SYN beyond what a TIME_WAIT connection received ends it (Linux tcp_timewait_state_process).
  private reopensTimeWait(conn: Connection, seg: TcpSegment): boolean {
    const f = seg.flags;
    if (conn.state !== 'TIME_WAIT' || !f.syn || f.ack || f.rst || !seqGt(seg.seq, conn.receiver.nxt)) return false;
    conn.teardown();
    return true;
  }

  // LISTEN state of RFC 9293 §3.10.7.2.
  private listenArrives(listener: TcpListener, seg: TcpSegment, srcIp: string, dstIp: string): void {
    const f = seg.flags;
    if (f.rst) return;
    if (f.ack) {
      this.replyReset(seg, srcIp, dstIp);
      return;
    }
    if (!f.syn) return;
    const halfOpen = [...this.embryos.values()].filter((l) => l === listener).length;
    if (halfOpen >= listener.backlog) {
      // Linux drops the SYN when the queue is full; the client's SYN retransmission tries again.
      this.log.debug({ ip: listener.ip, port: listener.port }, 'tcp backlog full, SYN dropped');
      return;
    }
    const conn = this.register(
      { localIp: dstIp, localPort: seg.dstPort, remoteIp: srcIp, remotePort: seg.srcPort },
      true
    );
    this.embryos.set(conn, listener);
    conn.openPassive(seg);
  }

  private replyReset(seg: TcpSegment, srcIp: string, dstIp: string): void {
    const rst = resetFor(seg);
    if (rst !== undefined) this.components.output(rst, dstIp, srcIp);
  }

  private register(tuple: TcpTuple, passive: boolean): Connection {
    const conn = new Connection(this.host, tuple, passive);
    this.conns.set(conn.key, conn);
    this.ports.hold(tuple.localPort);
    return conn;
  }

  private release(conn: Connection): void {
    if (this.conns.get(conn.key) !== conn) return;
    this.conns.delete(conn.key);
    this.embryos.delete(conn);
    this.ports.release(conn.localPort);
  }

  private accept(conn: Connection): void {
    const listener = this.embryos.get(conn);
    this.embryos.delete(conn);
    if (listener !== undefined) this.events.defer(() => listener.onConnection(conn.socket));
  }

  private findListener(ip: string, port: number): TcpListener | undefined {
    return this.listening.get(`${ip}:${port}`) ?? this.listening.get(`${ANY_IP}:${port}`);
  }

  // Linux bind(): the wildcard address conflicts with every address on the same port.
  private listenConflict(ip: string, port: number): boolean {
    return [...this.listening.values()].some(
      (l) => l.port === port && (l.ip === ip || l.ip === ANY_IP || ip === ANY_IP)
    );
  }

  private unlisten(listener: TcpListener): void {
    this.listening.delete(`${listener.ip}:${listener.port}`);
    this.ports.release(listener.port);
    this.run(() => {
      for (const [conn, l] of [...this.embryos]) if (l === listener) conn.teardown();
    });
  }

  private makeHost(): ConnectionHost {
    const { clock, random, output } = this.components;
    return {
      clock,
      options: this.options,
      log: this.log,
      isn: () => Math.floor(random() * 2 ** 32) >>> 0,
      output,
      defer: (fn) => this.events.defer(fn),
      run: (fn) => this.run(fn),
      release: (conn) => this.release(conn),
      accept: (conn) => this.accept(conn)
    };
  }
}
