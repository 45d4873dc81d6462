import { describe, it, expect } from 'vitest';
import { isSwarmsimError } from '@swarmsim/interface';
import { DnsError, Rcode, type Forwarder } from '../src/index.js';
import { answeringUpstream, decode, flush, ips, query, setup, silentUpstream, swarmStore, thrown } from './helpers.js';

const FRONT = { networks: ['net-front'] };

describe('forwarding unknown names (FIDELITY §5.3)', () => {
  it('relays the upstream answer with the client id', async () => {
    const upstream = answeringUpstream('93.184.216.34');
    const { resolver } = setup(swarmStore(), [upstream]);
    const reply = decode(await resolver.resolve(query('example.com', 'A', { id: 31 }), FRONT));
    expect(reply.id).toBe(31);
    expect(ips(reply)).toEqual(['93.184.216.34']);
    expect(resolver.stats.forwarded).toBe(1);
  });

  it('answers SERVFAIL after every upstream timed out, 4 s of the clock each, tried in order', async () => {
    const upstreams = [silentUpstream(), silentUpstream(), silentUpstream()];
    const { resolver, clock } = setup(swarmStore(), upstreams);
    let reply: Uint8Array | undefined;
    void resolver.resolve(query('example.com', 'A', { id: 9 }), FRONT).then((r) => (reply = r));
    await flush();
    expect(upstreams.map((u) => u.calls)).toEqual([1, 0, 0]);
    clock.tick(3999);
    await flush();
    expect(upstreams.map((u) => u.calls)).toEqual([1, 0, 0]);
    clock.tick(1);
    await flush();
    expect(upstreams.map((u) => u.calls)).toEqual([1, 1, 0]);
    clock.tick(4000);
    await flush();
    expect(reply).toBeUndefined();
    clock.tick(4000);
    await flush();
    const decoded = decode(reply);
    expect(decoded.rcode).toBe('SERVFAIL');
    expect(decoded.id).toBe(9);
    expect(decoded.questions![0]!.name).toBe('example.com');
    expect(upstreams.map((u) => u.calls)).toEqual([1, 1, 1]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('moves on after a timeout, SERVFAIL, REFUSED or I/O error, and stops at the first real answer', async () => {
    const failing: Forwarder = { forward: () => Promise.reject(new Error('ECONNREFUSED')) };
    const servfail = answeringUpstream('1.1.1.1', { rcode: Rcode.SERVFAIL });
    const refused = answeringUpstream('1.1.1.1', { rcode: Rcode.REFUSED });
    const good = answeringUpstream('198.51.100.7');
    for (const first of [failing, servfail, refused]) {
      const { resolver } = setup(swarmStore(), [first, good]);
      expect(ips(decode(await resolver.resolve(query('example.com'), FRONT)))).toEqual(['198.51.100.7']);
    }
    const silent = silentUpstream();
    const { resolver, clock } = setup(swarmStore(), [silent, good, answeringUpstream('9.9.9.9')]);
    const pending = resolver.resolve(query('example.com'), FRONT);
    await flush();
    clock.tick(4000);
    expect(ips(decode(await pending))).toEqual(['198.51.100.7']);
  });

  it('tells a synchronous caller which queries need an upstream (resolveLocal)', () => {
    const upstream = answeringUpstream('1.2.3.4');
    const { resolver } = setup(swarmStore(), [upstream]);
    const unknown = resolver.resolveLocal(query('example.com'), FRONT);
    expect(unknown.type).toBe('forward');
    expect(unknown.type === 'forward' && unknown.query.name).toBe('example.com');
    const known = resolver.resolveLocal(query('web'), FRONT);
    expect(known.type === 'reply' && ips(decode(known.bytes))).toEqual(['10.0.1.2']);
    expect(resolver.resolveLocal(new Uint8Array(3), FRONT).type).toBe('drop');
    expect(upstream.calls).toBe(0);
  });

  it('answers SERVFAIL at once when there is no upstream', async () => {
    const { resolver } = setup(swarmStore());
    expect(decode(await resolver.resolve(query('example.com'), FRONT)).rcode).toBe('SERVFAIL');
    expect(resolver.stats.servfail).toBe(1);
  });

  it('skips host-loopback upstreams for a container without external access', async () => {
    const host = answeringUpstream('1.2.3.4', { hostLoopback: true });
    const { resolver } = setup(swarmStore(), [host]);
    expect(
      decode(await resolver.resolve(query('example.com'), { networks: ['net-front'], internal: true })).rcode
    ).toBe('SERVFAIL');
    expect(host.calls).toBe(0);
    expect(ips(decode(await resolver.resolve(query('example.com'), FRONT)))).toEqual(['1.2.3.4']);
  });

  it('with ndots set, answers an unknown dot-less name NOERROR empty instead of forwarding', async () => {
    const upstream = answeringUpstream('1.2.3.4');
    const { resolver } = setup(swarmStore(), [upstream]);
    const reply = decode(await resolver.resolve(query('nosuch'), { networks: ['net-front'], ndotsSet: true }));
    expect(reply.rcode).toBe('NOERROR');
    expect(reply.answers).toEqual([]);
    expect(upstream.calls).toBe(0);
    await resolver.resolve(query('nosuch.example'), { networks: ['net-front'], ndotsSet: true });
    expect(upstream.calls).toBe(1);
  });

  it('answers REFUSED beyond maxConcurrent forwarded queries', async () => {
    const { resolver } = setup(swarmStore(), [silentUpstream()], { maxConcurrent: 1 });
    void resolver.resolve(query('a.example'), FRONT);
    expect(decode(await resolver.resolve(query('b.example'), FRONT)).rcode).toBe('REFUSED');
  });

  it('rejects an aborted call and refuses more than 3 upstreams', async () => {
    const { resolver } = setup(swarmStore());
    const controller = new AbortController();
    controller.abort();
    await expect(resolver.resolve(query('web'), { networks: [], signal: controller.signal })).rejects.toSatisfy((e) =>
      isSwarmsimError(e, 'DNS_ERR_ABORTED')
    );
    const four = [1, 2, 3, 4].map(() => silentUpstream());
    const err = thrown(() => setup(swarmStore(), four));
    expect(err).toBeInstanceOf(DnsError);
    expect((err as DnsError).code).toBe('DNS_ERR_INVALID_CONFIG');
  });
});
