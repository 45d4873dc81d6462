import type { Clock } from '@swarmsim/interface';
import { dnsError } from './errors.js';
import { peekReply, Rcode, withId } from './wire.js';

/** An upstream DNS server (one of the container's original resolv.conf nameservers). */
export interface Forwarder {
  /** Sends the client's query bytes upstream and resolves with the reply bytes; rejects on I/O failure. */
  forward(query: Uint8Array): Promise<Uint8Array>;
  /** The server is reached from the host namespace: skipped for containers without external access. @default false */
  readonly hostLoopback?: boolean;
}

/** What forwarding needs besides the query. */
export interface ForwardOptions {
  clock: Clock;
  upstreams: readonly Forwarder[];
  timeoutMs: number;
  /** The querier's networks are all internal: host-loopback upstreams are not used (Docker proxyDNS=false). */
  internal: boolean;
}

/**
 * libnetwork forwardExtDNS: try each upstream in order with its own timeout; an I/O error, a timeout, an
 * undecodable reply, SERVFAIL or REFUSED moves on to the next; undefined when none answered.
 */
export async function forwardQuery(
  query: Uint8Array,
  id: number,
  options: ForwardOptions
): Promise<Uint8Array | undefined> {
  for (const [index, upstream] of options.upstreams.entries()) {
    if (options.internal && upstream.hostLoopback === true) continue;
    let reply: Uint8Array;
    try {
      reply = await withTimeout(upstream.forward(query), options.clock, options.timeoutMs, index);
    } catch {
      continue;
    }
    const head = peekReply(reply);
    if (head === undefined || head.rcode === Rcode.SERVFAIL || head.rcode === Rcode.REFUSED) continue;
    return head.id === id ? reply : withId(reply, id);
  }
  return undefined;
}

/** Settles like `promise`, or rejects with DNS_ERR_UPSTREAM_TIMEOUT after `ms` of the injected clock. */
function withTimeout<T>(promise: Promise<T>, clock: Clock, ms: number, upstream: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(
      () => reject(dnsError({ code: 'DNS_ERR_UPSTREAM_TIMEOUT', upstream, timeoutMs: ms })),
      ms
    );
    promise.then(
      (value) => {
        timer.clear();
        resolve(value);
      },
      (err: unknown) => {
        timer.clear();
        reject(err);
      }
    );
  });
}
