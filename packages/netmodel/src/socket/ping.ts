import type { TimerHandle } from '@swarmsim/interface';
import type { IcmpMessage, Ipv4Packet } from '@swarmsim/packet';
import type { NetInterface } from '../link/net-interface.js';
import type { Namespace } from '../stack/namespace.js';

/** Options of {@link PingLayer.ping}, named after iputils `ping` flags. */
export interface PingOptions {
  /** `-c`: echo requests to send. @default 1 */
  count?: number;
  /** `-i`: between requests, in ms. @default 1000 */
  intervalMs?: number;
  /** `-W`: how long to wait for replies after the last request, in ms. @default 10000 — ping's linger */
  waitMs?: number;
  /** `-s`: data bytes per request. @default 56 */
  payloadSize?: number;
  /** `-t`: TTL of the requests. @default 64 */
  ttl?: number;
}

/** One echo reply. */
export interface PingReply {
  seq: number;
  from: string;
  ttl: number;
  bytes: number;
  rttMs: number;
}

/** One ICMP error received instead of a reply ("Destination Host Unreachable"). */
export interface PingError {
  seq: number;
  from: string;
  kind: 'destination-unreachable' | 'time-exceeded';
  code: number;
}

/** The summary ping prints at the end. */
export interface PingResult {
  destination: string;
  transmitted: number;
  received: number;
  replies: PingReply[];
  errors: PingError[];
  lossPercent: number;
}

interface Session {
  destination: string;
  sentAt: Map<number, number>;
  result: PingResult;
  expected: number;
  done: (r: PingResult) => void;
  timers: TimerHandle[];
}

/** ICMP of one namespace: answers echo requests (as the kernel does) and runs `ping` sessions. */
export class PingLayer {
  private readonly sessions = new Map<number, Session>();
  private nextIdentifier: number;

  constructor(private readonly ns: Namespace) {
    this.nextIdentifier = 1 + Math.floor(ns.fabric.random() * 0xfffe);
  }

  /** Pings `destination` like `ping -c COUNT`; rejects when there is no route (ping exits 2). */
  ping(destination: string, options: PingOptions = {}): Promise<PingResult> {
    const count = options.count ?? 1;
    const interval = options.intervalMs ?? 1000;
    const identifier = this.nextIdentifier;
    this.nextIdentifier = (this.nextIdentifier % 0xffff) + 1;
    return new Promise<PingResult>((resolve, reject) => {
      const session: Session = {
        destination,
        sentAt: new Map(),
        result: { destination, transmitted: 0, received: 0, replies: [], errors: [], lossPercent: 100 },
        expected: count,
        done: resolve,
        timers: []
      };
      this.sessions.set(identifier, session);
      const sendOne = (seq: number): void => {
        // Recorded before sending: on zero-latency links the reply arrives inside the send.
        session.sentAt.set(seq, this.ns.fabric.clock.now());
        session.result.transmitted++;
        try {
          this.sendRequest(identifier, seq, destination, options);
        } catch (err) {
          this.finish(identifier);
          reject(err);
        }
      };
      sendOne(1);
      for (let seq = 2; seq <= count; seq++) {
        session.timers.push(this.ns.fabric.clock.setTimeout(() => sendOne(seq), (seq - 1) * interval));
      }
      const deadline = (count - 1) * interval + (options.waitMs ?? 10_000);
      session.timers.push(this.ns.fabric.clock.setTimeout(() => this.finish(identifier), deadline));
    });
  }

  /** ICMP delivered to this namespace. */
  receive(ip: Ipv4Packet, message: IcmpMessage, dev: NetInterface): void {
    if (message.kind === 'echo-request') {
      if (this.ns.icmpEchoIgnoreAll) return;
      const reply: IcmpMessage = {
        kind: 'echo-reply',
        identifier: message.identifier,
        sequence: message.sequence,
        data: message.data
      };
      // A broadcast ping is answered from the receiving interface's own address.
      const src = this.ns.ipv4.isBroadcast(ip.dst, dev) ? dev.primaryAddress() : ip.dst;
      this.ns.ipv4.output({ src, dst: ip.src, l4: { protocol: 'icmp', message: reply } });
      return;
    }
    if (message.kind === 'echo-reply') this.onReply(ip, message.identifier, message.sequence, message.data.length);
    else if (message.kind === 'destination-unreachable' || message.kind === 'time-exceeded') this.onError(ip, message);
  }

  private sendRequest(identifier: number, seq: number, destination: string, options: PingOptions): void {
    const data = new Uint8Array(options.payloadSize ?? 56);
    for (let i = 0; i < data.length; i++) data[i] = (i + 8) & 0xff;
    const message: IcmpMessage = { kind: 'echo-request', identifier, sequence: seq, data };
    this.ns.ipv4.output({ dst: destination, ttl: options.ttl, l4: { protocol: 'icmp', message } });
  }

  private onReply(ip: Ipv4Packet, identifier: number, seq: number, dataBytes: number): void {
    const s = this.sessions.get(identifier);
    const sentAt = s?.sentAt.get(seq);
    if (s === undefined || sentAt === undefined) return;
    s.sentAt.delete(seq);
    s.result.received++;
    s.result.replies.push({
      seq,
      from: ip.src,
      ttl: ip.ttl,
      bytes: dataBytes + 8,
      rttMs: this.ns.fabric.clock.now() - sentAt
    });
    if (s.result.received + s.result.errors.length >= s.expected) this.finish(identifier);
  }

  private onError(ip: Ipv4Packet, message: Extract<IcmpMessage, { original: Uint8Array }>): void {
    const quoted = parseQuotedEcho(message.original);
    if (quoted === undefined) return;
    const s = this.sessions.get(quoted.identifier);
    if (s === undefined || !s.sentAt.has(quoted.seq)) return;
    s.sentAt.delete(quoted.seq);
    s.result.errors.push({ seq: quoted.seq, from: ip.src, kind: message.kind, code: message.code });
    if (s.result.received + s.result.errors.length >= s.expected) this.finish(quoted.identifier);
  }

  private finish(identifier: number): void {
    const s = this.sessions.get(identifier);
    if (s === undefined) return;
    this.sessions.delete(identifier);
    for (const t of s.timers) t.clear();
    const r = s.result;
    r.lossPercent = r.transmitted === 0 ? 100 : Math.round((100 * (r.transmitted - r.received)) / r.transmitted);
    s.done(r);
  }
}

/** Identifier and sequence of the echo request quoted in an ICMP error (IP header + 8 bytes). */
function parseQuotedEcho(original: Uint8Array): { identifier: number; seq: number } | undefined {
  if (original.length < 20) return undefined;
  const ihl = (original[0]! & 0x0f) * 4;
  if (original[9] !== 1 || original.length < ihl + 8 || original[ihl] !== 8) return undefined;
  return {
    identifier: (original[ihl + 4]! << 8) | original[ihl + 5]!,
    seq: (original[ihl + 6]! << 8) | original[ihl + 7]!
  };
}
