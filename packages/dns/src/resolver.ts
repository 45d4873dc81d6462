import { seededRandom, silentLogger, type Clock, type Logger, type Random } from '@swarmsim/interface';
import type { Answer } from 'dns-packet';
import { dnsError } from './errors.js';
import { answerLocally, type LocalAnswer } from './local-answer.js';
import type { RecordStore } from './record-store.js';
import { forwardQuery, type Forwarder } from './upstream.js';
import { encodeReply, parseQuery, Rcode, type ParsedQuery } from './wire.js';

/** Resolver options (plain data); every default is Docker's. */
export interface ResolverInit {
  /** TTL of every local answer. @default 600 (libnetwork respTTL) */
  ttl?: number;
  /** Per-upstream timeout in ms of the injected clock. @default 4000 (libnetwork extIOTimeout) */
  timeoutMs?: number;
  /** Largest UDP reply without EDNS0. @default 512 (RFC 1035, miekg MinMsgSize) */
  maxUdpBytes?: number;
  /** Largest TCP reply. @default 65535 (miekg MaxMsgSize) */
  maxTcpBytes?: number;
  /** Queries forwarded at once before REFUSED. @default 1024 (libnetwork maxConcurrent) */
  maxConcurrent?: number;
  /** Seed of the A-record shuffle when no `random` is injected. @default 1 */
  seed?: number;
}

/** Collaborators of the resolver. */
export interface ResolverComponents {
  clock: Clock;
  store: RecordStore;
  /** Upstream servers, tried in order. At most 3 (libnetwork maxExtDNS). @default [] */
  upstreams?: readonly Forwarder[];
  random?: Random;
  logger?: Logger;
}

/** Who is asking, and how. */
export interface QueryContext {
  /** Ids of the networks the querying container is attached to: only their records are visible. */
  networks: readonly string[];
  /** @default 'udp' */
  transport?: 'udp' | 'tcp';
  /** The container's resolv.conf sets ndots > 0: dot-less unknown A/AAAA names get an empty NOERROR. @default false */
  ndotsSet?: boolean;
  /** The container has no external access (internal networks): host-loopback upstreams are skipped. @default false */
  internal?: boolean;
  signal?: AbortSignal;
}

/** The synchronous part of a lookup: a reply, a silent drop, or a query that must go upstream. */
export type LocalResult =
  { type: 'reply'; bytes: Uint8Array } | { type: 'drop' } | { type: 'forward'; query: ParsedQuery };

/** Counters of what the resolver did. */
export interface ResolverStats {
  local: number;
  forwarded: number;
  servfail: number;
  rejected: number;
  dropped: number;
}

/** Docker's embedded DNS server at 127.0.0.11, answering from per-network record scopes. */
export class Resolver {
  /** What happened so far. */
  readonly stats: ResolverStats = { local: 0, forwarded: 0, servfail: 0, rejected: 0, dropped: 0 };
  private readonly ttl: number;
  private readonly timeoutMs: number;
  private readonly maxUdp: number;
  private readonly maxTcp: number;
  private readonly maxConcurrent: number;
  private readonly random: Random;
  private readonly upstreams: readonly Forwarder[];
  private readonly log: Logger;
  private inflight = 0;

  constructor(
    init: ResolverInit,
    private readonly components: ResolverComponents
  ) {
    this.ttl = positive('ttl', init.ttl ?? 600, 0);
    this.timeoutMs = positive('timeoutMs', init.timeoutMs ?? 4000, 1);
    this.maxUdp = positive('maxUdpBytes', init.maxUdpBytes ?? 512, 512);
    this.maxTcp = positive('maxTcpBytes', init.maxTcpBytes ?? 65535, 512);
    this.maxConcurrent = positive('maxConcurrent', init.maxConcurrent ?? 1024, 1);
    this.upstreams = components.upstreams ?? [];
    if (this.upstreams.length > 3)
      throw dnsError({ code: 'DNS_ERR_INVALID_CONFIG', option: 'upstreams', value: this.upstreams.length });
    this.random = components.random ?? seededRandom(init.seed ?? 1);
    this.log = (components.logger ?? silentLogger).child({ component: 'dns' });
  }

  /** Answers from local records only; a `forward` result says the query must go upstream. */
  resolveLocal(bytes: Uint8Array, ctx: QueryContext): LocalResult {
    const parsed = parseQuery(bytes);
    if (parsed.kind === 'drop') {
      this.stats.dropped++;
      return { type: 'drop' };
    }
    if (parsed.kind === 'reject') {
      this.stats.rejected++;
      return { type: 'reply', bytes: parsed.reply };
    }
    const q = parsed.query;
    const local = answerLocally(this.components.store, ctx.networks, q);
    if (local === undefined && !this.ndotsShortcut(q, ctx)) return { type: 'forward', query: q };
    this.stats.local++;
    return { type: 'reply', bytes: this.reply(q, local, ctx) };
  }

  /** Answers a query; resolves undefined when it is dropped silently (no reply is ever sent). */
  async resolve(bytes: Uint8Array, ctx: QueryContext): Promise<Uint8Array | undefined> {
    if (ctx.signal?.aborted === true) throw dnsError({ code: 'DNS_ERR_ABORTED' });
    const local = this.resolveLocal(bytes, ctx);
    if (local.type === 'drop') return undefined;
    if (local.type === 'reply') return local.bytes;
    const q = local.query;
    if (this.inflight >= this.maxConcurrent) return encodeReply(q, { rcode: Rcode.REFUSED, ra: false });
    this.inflight++;
    try {
      const options = {
        clock: this.components.clock,
        upstreams: this.upstreams,
        timeoutMs: this.timeoutMs,
        internal: ctx.internal === true
      };
      const reply = await forwardQuery(bytes, q.id, options);
      if (reply !== undefined) {
        this.stats.forwarded++;
        return reply;
      }
    } finally {
      this.inflight--;
    }
    this.stats.servfail++;
    this.log.debug({ name: q.name, type: q.type }, 'no upstream answered: SERVFAIL');
    return encodeReply(q, { rcode: Rcode.SERVFAIL, ra: false });
  }

  // Docker: with an explicit ndots, a dot-less unknown A/AAAA name is not forwarded (the client retries with the search domain).
  private ndotsShortcut(q: ParsedQuery, ctx: QueryContext): boolean {
    return ctx.ndotsSet === true && (q.type === 'A' || q.type === 'AAAA') && !q.name.replace(/\.$/, '').includes('.');
  }

  private reply(q: ParsedQuery, local: LocalAnswer | undefined, ctx: QueryContext): Uint8Array {
    const answers: Answer[] = [];
    for (const ip of shuffle(local?.ips ?? [], this.random)) {
      answers.push({ type: q.type === 'AAAA' ? 'AAAA' : 'A', name: q.name, ttl: this.ttl, class: 'IN', data: ip });
    }
    if (local?.ptr !== undefined)
      answers.push({ type: 'PTR', name: q.name, ttl: this.ttl, class: 'IN', data: local.ptr });
    const maxBytes = ctx.transport === 'tcp' ? this.maxTcp : Math.max(this.maxUdp, q.ednsUdpSize ?? 0);
    return encodeReply(q, { rcode: Rcode.NOERROR, ra: true, answers, maxBytes });
  }
}

/** Factory in the house style: options first, collaborators later. */
export function dnsResolver(init: ResolverInit = {}): (components: ResolverComponents) => Resolver {
  return (components) => new Resolver(init, components);
}

// libnetwork shuffleAddr: Fisher–Yates, here over the injected seeded RNG.
function shuffle(ips: readonly string[], random: Random): string[] {
  const out = [...ips];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function positive(option: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw dnsError({ code: 'DNS_ERR_INVALID_CONFIG', option, value });
  return value;
}
