import type { TcpSegment } from '@swarmsim/packet';
import { ManualClock } from '@swarmsim/clock';
import { TcpLayer, type TcpError, type TcpOptions, type TcpSocket } from '../../src/tcp/index.js';

/** Host A's address. */
export const A = '10.0.0.1';
/** Host B's address. */
export const B = '10.0.0.2';

/** mulberry32: a small seeded PRNG returning [0, 1). */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An RNG whose first draws make these ISNs, then seeded values. */
export function isnRandom(...isns: number[]): () => number {
  const rest = seededRandom(7);
  return () => {
    const isn = isns.shift();
    return isn === undefined ? rest() : isn / 2 ** 32;
  };
}

/** Faults of the test link, drawn from one seeded RNG. */
export interface LinkOptions {
  /** One-way delay. @default 5 */
  latencyMs?: number;
  /** Probability that a segment is lost. @default 0 */
  loss?: number;
  /** Probability that a segment arrives twice. @default 0 */
  duplicate?: number;
  /** Probability that a segment is held back by up to `reorderMs` extra. @default 0 */
  reorder?: number;
  /** @default 30 */
  reorderMs?: number;
  /** @default 1 */
  seed?: number;
  /** Deliver inside `output` instead of through the clock (tests re-entrancy). */
  synchronous?: boolean;
}

/** One segment seen on the link. */
export interface TraceEntry {
  at: number;
  kind: 'send' | 'deliver';
  from: string;
  to: string;
  seg: TcpSegment;
}

/** Two TcpLayers (A and B) joined by a faulty link on a ManualClock; segments are passed, not encoded. */
export class TestNet {
  readonly clock = new ManualClock(0);
  readonly a: TcpLayer;
  readonly b: TcpLayer;
  readonly trace: TraceEntry[] = [];
  /** Drop everything while true. */
  down = false;
  /** Drop the segments this returns true for (before the random faults). */
  drop: ((seg: TcpSegment, from: string) => boolean) | undefined;
  private readonly rng: () => number;
  private readonly hosts = new Map<string, TcpLayer>();

  constructor(
    readonly link: LinkOptions = {},
    opts: { a?: TcpOptions; b?: TcpOptions; randomA?: () => number; randomB?: () => number } = {}
  ) {
    this.rng = seededRandom(link.seed ?? 1);
    const output = (seg: TcpSegment, src: string, dst: string): void => this.carry(seg, src, dst);
    this.a = new TcpLayer({ clock: this.clock, random: opts.randomA ?? seededRandom(101), output }, opts.a);
    this.b = new TcpLayer({ clock: this.clock, random: opts.randomB ?? seededRandom(202), output }, opts.b);
    this.hosts.set(A, this.a).set(B, this.b);
  }

  /** Replaces the layer at `ip` (a host that rebooted and lost its connections). */
  replace(ip: string, layer: TcpLayer): void {
    this.hosts.set(ip, layer);
  }

  /** Segments sent by `from`. */
  sent(from: string): TcpSegment[] {
    return this.trace.filter((t) => t.kind === 'send' && t.from === from).map((t) => t.seg);
  }

  private carry(seg: TcpSegment, src: string, dst: string): void {
    this.trace.push({ at: this.clock.now(), kind: 'send', from: src, to: dst, seg });
    const l = this.link;
    if (this.down || this.drop?.(seg, src) === true || this.rng() < (l.loss ?? 0)) return;
    const copies = this.rng() < (l.duplicate ?? 0) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      if (l.synchronous === true) {
        this.deliver(seg, src, dst);
        continue;
      }
      const extra = this.rng() < (l.reorder ?? 0) ? 1 + Math.floor(this.rng() * (l.reorderMs ?? 30)) : 0;
      this.clock.setTimeout(() => this.deliver(seg, src, dst), (l.latencyMs ?? 5) + extra);
    }
  }

  private deliver(seg: TcpSegment, src: string, dst: string): void {
    this.trace.push({ at: this.clock.now(), kind: 'deliver', from: src, to: dst, seg });
    this.hosts.get(dst)?.receive(seg, src, dst);
  }
}

/** Everything a socket emitted, in order. */
export interface Recorder {
  events: string[];
  chunks: Uint8Array[];
  errors: TcpError[];
  /** All received bytes, concatenated. */
  bytes(): Uint8Array;
}

/** Records a socket's events (`close` as `close:true`/`close:false`). */
export function record(socket: TcpSocket): Recorder {
  const rec: Recorder = { events: [], chunks: [], errors: [], bytes: () => concat(rec.chunks) };
  socket.on('connect', () => rec.events.push('connect'));
  socket.on('data', (d) => {
    rec.events.push('data');
    rec.chunks.push(d);
  });
  socket.on('end', () => rec.events.push('end'));
  socket.on('error', (e) => {
    rec.events.push(`error:${e.code}`);
    rec.errors.push(e);
  });
  socket.on('close', (hadError) => rec.events.push(`close:${hadError}`));
  return rec;
}

/** Concatenates byte arrays. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `size` deterministic pseudo-random bytes. */
export function payload(size: number, seed = 9): Uint8Array {
  const rng = seededRandom(seed);
  return Uint8Array.from({ length: size }, () => Math.floor(rng() * 256));
}

/** A server on `layer` that echoes every byte and ends when the client ends; returns its sockets. */
export function echoServer(layer: TcpLayer, port: number): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  layer.listen('0.0.0.0', port, (s) => {
    sockets.push(s);
    s.on('data', (d) => s.write(d));
    s.on('end', () => s.end());
  });
  return sockets;
}

/** Bytes from `from` whose payload was on the wire, for MSS/window checks. */
export function dataSegments(net: TestNet, from: string): TcpSegment[] {
  return net.sent(from).filter((s) => s.payload.length > 0);
}

/** Index of the first differing byte, -1 when equal (toEqual on 200 kB typed arrays is slow). */
export function firstDifference(actual: Uint8Array, expected: Uint8Array): number {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) if (actual[i] !== expected[i]) return i;
  return actual.length === expected.length ? -1 : n;
}
