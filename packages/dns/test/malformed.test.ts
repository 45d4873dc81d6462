import { Buffer } from 'node:buffer';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import dnsPacket from 'dns-packet';
import { decode, query, setup, swarmStore } from './helpers.js';

const FRONT = { networks: ['net-front'] };

/** A query with its header words overwritten: [id, flags, qd, an, ns, ar]. */
function withHeader(bytes: Uint8Array, words: Partial<Record<0 | 1 | 2 | 3 | 4 | 5, number>>): Uint8Array {
  const out = bytes.slice();
  for (const [i, v] of Object.entries(words)) {
    out[Number(i) * 2] = v >> 8;
    out[Number(i) * 2 + 1] = v & 0xff;
  }
  return out;
}

describe('malformed queries (miekg/dns accept rules)', () => {
  it('drops fewer than 12 bytes and responses silently', async () => {
    const { resolver } = setup(swarmStore());
    expect(await resolver.resolve(new Uint8Array(11), FRONT)).toBeUndefined();
    expect(await resolver.resolve(withHeader(query('web'), { 1: 0x8100 }), FRONT)).toBeUndefined();
    expect(resolver.stats.dropped).toBe(2);
  });

  it('answers FORMERR with the client id when the header is readable but the query is not', async () => {
    const { resolver } = setup(swarmStore());
    const cases = [
      withHeader(query('web'), { 2: 0 }),
      withHeader(query('web'), { 2: 2 }),
      withHeader(query('web'), { 3: 2 }),
      query('web').slice(0, 15),
      Uint8Array.from([...query('web').slice(0, 12), 0xc0, 0x00, 0, 1, 0, 1])
    ];
    for (const bytes of cases) {
      const reply = decode(await resolver.resolve(withHeader(bytes, { 0: 0xbeef }), FRONT));
      expect(reply.rcode).toBe('FORMERR');
      expect(reply.id).toBe(0xbeef);
      expect(reply.type).toBe('response');
    }
    expect(resolver.stats.rejected).toBe(cases.length);
  });

  it('answers NOTIMP to opcodes other than QUERY and NOTIFY', async () => {
    const { resolver } = setup(swarmStore());
    const update = withHeader(query('web'), { 1: 5 << 11 });
    const reply = decode(await resolver.resolve(update, FRONT));
    expect(reply.rcode).toBe('NOTIMP');
    expect(reply.opcode).toBe('UPDATE');
  });

  it('forwards a well-formed name with bytes no Docker name can hold, echoing it verbatim on SERVFAIL', async () => {
    const { resolver } = setup(swarmStore());
    const odd = Uint8Array.from([...query('x').slice(0, 12), 3, 0x77, 0x20, 0xff, 0, 0, 1, 0, 1]);
    const reply = await resolver.resolve(odd, FRONT);
    expect(decode(reply).rcode).toBe('SERVFAIL');
    expect(reply!.slice(12)).toEqual(odd.slice(12));
  });

  it('never throws on random bytes: no reply, or a reply that decodes with the query id', async () => {
    const { resolver } = setup(swarmStore());
    const header = fc.tuple(
      fc.integer({ min: 0, max: 0xffff }),
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0, 1, 1, 2),
      fc.constantFrom(0, 0, 1, 3),
      fc.constantFrom(0, 1),
      fc.constantFrom(0, 1, 2, 3)
    );
    const nearQuery = fc
      .tuple(header, fc.uint8Array({ maxLength: 80 }))
      .map(([h, body]) => Uint8Array.from([...h.flatMap((w) => [w >> 8, w & 0xff]), ...body]));
    const names = fc.oneof(
      fc.constantFrom('web', 'tasks.web', 'api', 'WEB.front', '3.1.0.10.in-addr.arpa', 'example.com'),
      fc.domain()
    );
    const types = fc.constantFrom('A', 'AAAA', 'MX', 'PTR', 'SRV', 'TXT') as fc.Arbitrary<'A'>;
    const mutated = fc
      .tuple(names, types, fc.integer({ min: 0, max: 0xffff }), fc.nat(), fc.nat({ max: 255 }), fc.boolean())
      .map(([name, type, id, at, value, mutate]) => {
        const bytes = query(name, type, { id });
        if (mutate) bytes[at % bytes.length] = value;
        return bytes;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 600 }), nearQuery, mutated), async (bytes) => {
        const reply = await resolver.resolve(bytes, FRONT);
        if (reply === undefined) return;
        const decoded = dnsPacket.decode(Buffer.from(reply));
        expect(decoded.type).toBe('response');
        expect(decoded.id).toBe((bytes[0]! << 8) | bytes[1]!);
      }),
      { numRuns: 3000, seed: 20261124 }
    );
    // Every path was exercised: silent drops, FORMERR/NOTIMP, local answers and SERVFAIL (no upstream here).
    const { dropped, rejected, local, servfail } = resolver.stats;
    expect(Math.min(dropped, rejected, local, servfail)).toBeGreaterThan(0);
  });
});
