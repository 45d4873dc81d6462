import { isSwarmsimError, TransportError } from '@swarmsim/interface';
import { pattern, sameBytes, track, type SuiteContext, type VitestApi } from './harness.js';

/**
 * The code of the shared TransportError, or a description of whatever else was thrown (for a readable failure):
 * every Transport throws that one class, so callers need not know which transport carries the node.
 */
function codeOf(err: unknown): string {
  if (err instanceof TransportError) return err.code;
  return isSwarmsimError(err)
    ? `${err.name}, not a TransportError: ${err.code}`
    : `not a SwarmsimError: ${String(err)}`;
}

/** maxPayloadBytes: the limit itself travels, one byte more is refused with an error, not truncated. */
export function limitTests(ctx: () => SuiteContext, { it, expect }: VitestApi): void {
  it('delivers a payload of exactly maxPayloadBytes', async () => {
    const c = ctx();
    const payload = pattern(c.t(0).maxPayloadBytes, 3);
    const sent = track(c.t(0).sendReliable(c.t(1).localId, 'data', payload));
    await c.until(() => sent.settled() && c.box(1).length === 1, 'the largest payload');
    expect(sent.ok()).toBe(true);
    // A byte loop: deep-equality on a 1 MiB array takes seconds.
    expect(sameBytes(c.box(1)[0]!.payload, payload)).toBe(true);
  });

  it('refuses a payload one byte over maxPayloadBytes on both send kinds', async () => {
    const c = ctx();
    const payload = new Uint8Array(c.t(0).maxPayloadBytes + 1);
    let thrown: unknown;
    try {
      c.t(0).sendBestEffort(c.t(1).localId, 'gossip', payload);
    } catch (err) {
      thrown = err;
    }
    expect(codeOf(thrown)).toBe('TRANSPORT_ERR_PAYLOAD_TOO_LARGE');
    const rel = track(c.t(0).sendReliable(c.t(1).localId, 'control', payload));
    await c.until(() => rel.settled(), 'the refusal');
    expect(codeOf(rel.error())).toBe('TRANSPORT_ERR_PAYLOAD_TOO_LARGE');
    await c.quiet();
    expect(c.box(1)).toEqual([]);
  });
}

/** Peers that cannot be reached: unknown ids and closed transports. */
export function unreachableTests(ctx: () => SuiteContext, { it, expect }: VitestApi): void {
  it('rejects a reliable send to an unknown peer and drops a datagram to it silently', async () => {
    const c = ctx();
    expect(() => c.t(0).sendBestEffort('no-such-peer', 'gossip', Uint8Array.of(1))).not.toThrow();
    const rel = track(c.t(0).sendReliable('no-such-peer', 'control', Uint8Array.of(1)));
    await c.until(() => rel.settled(), 'the rejection');
    expect(codeOf(rel.error())).toBe('TRANSPORT_ERR_UNREACHABLE');
  });

  it('delivers nothing to a closed transport, even what was already in flight', async () => {
    const c = ctx();
    c.t(0).sendBestEffort(c.t(1).localId, 'gossip', Uint8Array.of(1));
    const inFlight = track(c.t(0).sendReliable(c.t(1).localId, 'control', Uint8Array.of(2)));
    await c.t(1).close();
    expect(() => c.t(0).sendBestEffort(c.t(1).localId, 'gossip', Uint8Array.of(3))).not.toThrow();
    const after = track(c.t(0).sendReliable(c.t(1).localId, 'control', Uint8Array.of(4)));
    await c.until(() => after.settled() && inFlight.settled(), 'the sends to the closed peer');
    expect(codeOf(after.error())).toBe('TRANSPORT_ERR_UNREACHABLE');
    await c.quiet();
    expect(c.box(1)).toEqual([]);
  });
}

/** The local side of close: sends fail, close twice is harmless, the other peers carry on. */
export function closeTests(ctx: () => SuiteContext, { it, expect }: VitestApi): void {
  it('makes every send of a closed transport drop or reject, and close is idempotent', async () => {
    const c = ctx();
    await c.t(0).close();
    await c.t(0).close();
    expect(() => c.t(0).sendBestEffort(c.t(1).localId, 'gossip', Uint8Array.of(1))).not.toThrow();
    const rel = track(c.t(0).sendReliable(c.t(1).localId, 'control', Uint8Array.of(2)));
    await c.until(() => rel.settled(), 'the rejection');
    expect(codeOf(rel.error())).toBe('TRANSPORT_ERR_CLOSED');
    await c.quiet();
    expect(c.box(1)).toEqual([]);
  });

  it('keeps serving the other peers after one closes', async () => {
    const c = ctx();
    await c.t(2).close();
    const rel = track(c.t(0).sendReliable(c.t(1).localId, 'control', Uint8Array.of(5)));
    await c.until(() => rel.settled() && c.box(1).length === 1, 'delivery between the live peers');
    expect(rel.ok()).toBe(true);
  });
}
