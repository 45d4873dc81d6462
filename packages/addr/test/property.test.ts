import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ipam, IpamError, broadcastAddress, cidrToPrefix, networkAddress, type IpamPool } from '../src/index.js';

type Command = { kind: 'dynamic' } | { kind: 'static'; offset: number } | { kind: 'release'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'dynamic' as const }) },
  { weight: 1, arbitrary: fc.nat({ max: 1023 }).map((offset) => ({ kind: 'static' as const, offset })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'release' as const, pick })) }
);

const poolShape = fc.record({
  prefixLength: fc.integer({ min: 22, max: 30 }),
  serial: fc.boolean(),
  rangeShrink: fc.integer({ min: 0, max: 3 }), // ip-range = first half/quarter/eighth of the subnet; 0 = none
  gatewayFromEnd: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined })
});

/** Dotted quad of 10.77.0.0 + offset. */
function addr(offset: number): string {
  return `10.77.${Math.floor(offset / 256)}.${offset % 256}`;
}

/** Host offset of a 10.77.x.y address. */
function offsetOf(ip: string): number {
  const [, , c, d] = ip.split('.').map(Number);
  return c! * 256 + d!;
}

/** The error code `fn` throws, or undefined with its result. */
function attempt<T>(fn: () => T): { value?: T; code?: string } {
  try {
    return { value: fn() };
  } catch (err) {
    expect(err).toBeInstanceOf(IpamError);
    return { code: (err as IpamError).code };
  }
}

/** Drives one pool with commands while tracking which addresses callers hold. */
class Harness {
  readonly live = new Set<string>();
  private readonly forbidden: Set<string>;
  private readonly size: number;

  constructor(
    private readonly ipam: Ipam,
    readonly pool: IpamPool
  ) {
    this.forbidden = new Set([networkAddress(pool.subnet), broadcastAddress(pool.subnet), pool.gateway]);
    this.size = 2 ** (32 - cidrToPrefix(pool.subnet).prefixLength);
  }

  run(cmd: Command): void {
    if (cmd.kind === 'dynamic') this.dynamic();
    else if (cmd.kind === 'static') this.static(addr(cmd.offset % this.size));
    else if (this.live.size > 0) this.release([...this.live][cmd.pick % this.live.size]!);
  }

  private dynamic(): void {
    const before = this.ipam.available(this.pool.id);
    const { value: ip, code } = attempt(() => this.ipam.requestAddress(this.pool.id));
    if (ip === undefined) {
      expect([code, before]).toEqual(['IPAM_ERR_NO_AVAILABLE_IPS', 0]);
      return;
    }
    expect(this.live.has(ip) || this.forbidden.has(ip)).toBe(false);
    this.live.add(ip);
  }

  private static(ip: string): void {
    const taken = this.live.has(ip) || this.forbidden.has(ip);
    const { value, code } = attempt(() => this.ipam.requestAddress(this.pool.id, { ip }));
    expect(taken ? code : value).toBe(taken ? 'IPAM_ERR_ADDRESS_IN_USE' : ip);
    if (!taken) this.live.add(ip);
  }

  private release(ip: string): void {
    expect(this.ipam.releaseAddress(this.pool.id, ip)).toBe(true);
    this.live.delete(ip);
  }
}

describe('IPAM properties', () => {
  it('request/release sequences never hand out an address twice, nor network/broadcast/gateway', () => {
    fc.assert(
      fc.property(poolShape, fc.array(command, { maxLength: 300 }), (shape, commands) => {
        const ipam = new Ipam();
        const rangeLen = shape.rangeShrink === 0 ? 99 : shape.prefixLength + shape.rangeShrink;
        const size = 2 ** (32 - shape.prefixLength);
        const pool = ipam.requestPool({
          scope: 'global',
          subnet: `10.77.0.0/${shape.prefixLength}`,
          serial: shape.serial,
          ...(rangeLen <= 30 ? { ipRange: `10.77.0.0/${rangeLen}` } : {}),
          ...(shape.gatewayFromEnd ? { gateway: addr(size - 1 - shape.gatewayFromEnd) } : {})
        });
        const harness = new Harness(ipam, pool);
        for (const cmd of commands) harness.run(cmd);
        const expected = [...harness.live, pool.gateway].sort((a, b) => offsetOf(a) - offsetOf(b));
        expect(ipam.inUse(pool.id)).toEqual(expected);
      }),
      { numRuns: 200, seed: 0x1fa3 }
    );
  });

  it('dynamic allocation matches a reference model of lowest-free and serial (next-fit, wrapping)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 200 }), (serial, commands) => {
        const ipam = new Ipam();
        const pool = ipam.requestPool({ scope: 'local', subnet: '10.77.0.0/27', serial });
        const used = new Array<boolean>(32).fill(false);
        used[0] = used[31] = used[1] = true; // network, broadcast, gateway (.1 was the first dynamic pick)
        let cursor = 2;
        for (const cmd of commands) {
          if (cmd.kind !== 'dynamic') {
            const offset = cmd.kind === 'static' ? cmd.offset % 32 : 2 + (cmd.pick % 29);
            if (cmd.kind === 'static' && !used[offset]) {
              ipam.requestAddress(pool.id, { ip: addr(offset) });
              used[offset] = true;
            } else if (cmd.kind === 'release' && used[offset]) {
              expect(ipam.releaseAddress(pool.id, addr(offset))).toBe(true);
              used[offset] = false;
            }
            continue;
          }
          // bitmap/sequence.go: serial scans from the cursor to the end, then from the start.
          const order = serial ? [...range(cursor, 32), ...range(0, 32)] : range(0, 32);
          const next = order.find((o) => !used[o]);
          expect(attempt(() => ipam.requestAddress(pool.id)).value).toBe(next === undefined ? undefined : addr(next));
          if (next !== undefined) [used[next], cursor] = [true, next + 1];
        }
      }),
      { numRuns: 200, seed: 0x5eed }
    );
  });
});

/** Integers lo … hi-1. */
function range(lo: number, hi: number): number[] {
  return Array.from({ length: Math.max(0, hi - lo) }, (_, i) => lo + i);
}
