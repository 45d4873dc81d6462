import type { Channel } from '@swarmsim/interface';
import { pattern, readSeq, seq, track, type SuiteContext, type VitestApi } from './harness.js';

const CHANNELS: Channel[] = ['control', 'gossip', 'data'];

/** Delivery of both kinds on every channel, intact and attributed to the sender. */
export function deliveryTests(ctx: () => SuiteContext, { it, expect }: VitestApi): void {
  it('exposes distinct local ids and a positive maxPayloadBytes', () => {
    const ids = ctx().harness.transports.map((t) => t.localId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of ctx().harness.transports) expect(t.maxPayloadBytes).toBeGreaterThan(0);
  });

  it('delivers best-effort and reliable messages on every channel with sender, channel and bytes intact', async () => {
    const c = ctx();
    const to = c.t(1).localId;
    const sends = CHANNELS.map((channel, i) => {
      c.t(0).sendBestEffort(to, channel, pattern(100 + i, i));
      return track(c.t(0).sendReliable(to, channel, pattern(200 + i, 10 + i)));
    });
    await c.until(() => c.box(1).length >= 6 && sends.every((s) => s.settled()), 'six deliveries');
    expect(sends.every((s) => s.ok())).toBe(true);
    for (const [i, channel] of CHANNELS.entries()) {
      expect(c.box(1)).toContainEqual({ from: c.t(0).localId, channel, payload: pattern(100 + i, i) });
      expect(c.box(1)).toContainEqual({ from: c.t(0).localId, channel, payload: pattern(200 + i, 10 + i) });
    }
  });
}

/** Per-(peer, channel) ordering of reliable sends, and the rule that delivery never happens inside a send. */
export function orderingTests(ctx: () => SuiteContext, { it, expect }: VitestApi): void {
  it('delivers reliable messages exactly once and in send order per (peer, channel)', async () => {
    const c = ctx();
    const n = 200;
    const sends: ReturnType<typeof track>[] = [];
    for (let i = 0; i < n; i++) {
      for (const channel of ['control', 'gossip'] as const)
        sends.push(track(c.t(0).sendReliable(c.t(1).localId, channel, seq(i))));
      sends.push(track(c.t(2).sendReliable(c.t(1).localId, 'control', seq(i))));
    }
    await c.until(() => sends.every((s) => s.settled()), 'every reliable send settled');
    expect(sends.every((s) => s.ok())).toBe(true);
    const order = (from: number, channel: Channel): number[] =>
      c
        .box(1)
        .filter((d) => d.from === c.t(from).localId && d.channel === channel)
        .map((d) => readSeq(d.payload));
    const expected = [...Array(n).keys()];
    expect(order(0, 'control')).toEqual(expected);
    expect(order(0, 'gossip')).toEqual(expected);
    expect(order(2, 'control')).toEqual(expected);
  });

  it('never runs a handler inside a send call, and lets a handler send', async () => {
    const c = ctx();
    let inSend = false;
    let reentrant = 0;
    const replies: number[] = [];
    c.t(0).onMessage((_from, _channel, payload) => {
      if (inSend) reentrant++;
      replies.push(payload[0]!);
    });
    c.t(1).onMessage((from, channel, payload) => {
      if (inSend) reentrant++;
      c.t(1).sendBestEffort(from, channel, Uint8Array.of(payload[0]! + 1));
    });
    inSend = true;
    c.t(0).sendBestEffort(c.t(1).localId, 'gossip', Uint8Array.of(1));
    const reliable = track(c.t(0).sendReliable(c.t(1).localId, 'control', Uint8Array.of(10)));
    inSend = false;
    await c.until(() => replies.length >= 2 && reliable.settled(), 'two replies');
    expect(reentrant).toBe(0);
    expect(replies.sort((a, b) => a - b)).toEqual([2, 11]);
  });
}
