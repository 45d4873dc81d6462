import type * as Vitest from 'vitest';
import type { Channel, PeerId, Transport } from '@swarmsim/interface';

/** The parts of vitest the suite uses, imported lazily so the testkit loads outside a test runner. */
export type VitestApi = Pick<typeof Vitest, 'afterEach' | 'beforeEach' | 'describe' | 'expect' | 'it'>;

/** What a `transportSuite` setup returns: at least three connected transports and a way to let time pass. */
export interface TransportHarness {
  /** Transports that can all reach each other by `localId`; the suite uses the first three. */
  transports: Transport[];
  /** Lets `ms` of (virtual or real) time pass so messages can travel. */
  advance(ms: number): Promise<void>;
  /** Closes everything the setup opened. */
  teardown(): Promise<void>;
}

/** Pacing of the suite: virtual-time transports want small steps, real sockets a longer patience. */
export interface TransportSuiteOptions {
  /** Time passed per wait step. @default 1 */
  stepMs?: number;
  /** Give up waiting for a delivery after this much time. @default 5000 */
  maxWaitMs?: number;
  /** How long "nothing arrives" is observed before asserting it. @default 50 */
  quietMs?: number;
}

/** One delivered message as the suite records it. */
export interface Delivery {
  from: PeerId;
  channel: Channel;
  payload: Uint8Array;
}

/** The state each test of the suite works with. */
export class SuiteContext {
  readonly inbox: Delivery[][] = [];

  constructor(
    readonly harness: TransportHarness,
    private readonly options: Required<TransportSuiteOptions>,
    private readonly vitest: VitestApi
  ) {
    if (harness.transports.length < 3) throw new RangeError('transportSuite needs at least three transports');
    harness.transports.forEach((t, i) => {
      const box: Delivery[] = [];
      this.inbox[i] = box;
      t.onMessage((from, channel, payload) => box.push({ from, channel, payload: payload.slice() }));
    });
  }

  /** Transport number `i`. */
  t(i: number): Transport {
    return this.harness.transports[i]!;
  }

  /** What transport `i` received so far. */
  box(i: number): Delivery[] {
    return this.inbox[i]!;
  }

  /** Advances time step by step until `predicate` holds, failing the test when it never does. */
  async until(predicate: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !predicate(); waited += this.options.stepMs) {
      if (waited >= this.options.maxWaitMs) this.vitest.expect.fail(`transportSuite: ${what} not reached`);
      await this.harness.advance(this.options.stepMs);
    }
  }

  /** Lets the quiet period pass, so absences can be asserted. */
  async quiet(): Promise<void> {
    await this.harness.advance(this.options.quietMs);
  }
}

/** Tracks a promise's outcome without leaving a rejection unhandled. */
export function track(promise: Promise<unknown>): { settled: () => boolean; error: () => unknown; ok: () => boolean } {
  let state: 'pending' | 'ok' | 'failed' = 'pending';
  let error: unknown;
  promise.then(
    () => (state = 'ok'),
    (err: unknown) => {
      state = 'failed';
      error = err;
    }
  );
  return { settled: () => state !== 'pending', error: () => error, ok: () => state === 'ok' };
}

/** `n` bytes whose content depends on `seed`, so corruption or mix-ups are visible. */
export function pattern(n: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
}

/** The 4-byte big-endian sequence number used by the ordering tests. */
export function seq(n: number): Uint8Array {
  return Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/** Reads back a {@link seq}. */
export function readSeq(payload: Uint8Array): number {
  return ((payload[0]! << 24) | (payload[1]! << 16) | (payload[2]! << 8) | payload[3]!) >>> 0;
}

/** Byte-wise equality of two arrays. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
