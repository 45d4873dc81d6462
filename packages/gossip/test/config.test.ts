import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { defaultConfig, gossip, GossipError, pushPullScale, retransmitLimit, suspicionTimeout } from '../src/index.js';
import { Periodic } from '../src/periodic.js';

describe('config', () => {
  it('lan carries memberlist DefaultLANConfig and NetworkDB timers', () => {
    const lan = defaultConfig('lan');
    expect(lan).toMatchObject({
      gossipIntervalMs: 200,
      fanout: 3,
      probeIntervalMs: 1000,
      probeTimeoutMs: 500,
      pushPullIntervalMs: 30_000,
      suspicionMult: 4,
      retransmitMult: 4,
      tombstoneMs: 1_800_000,
      reapIntervalMs: 5000
    });
  });

  it('local is faster than lan on every timer and keeps the fanout', () => {
    const lan = defaultConfig('lan');
    const local = defaultConfig('local');
    expect(local.gossipIntervalMs).toBeLessThan(lan.gossipIntervalMs);
    expect(local.probeIntervalMs).toBeLessThan(lan.probeIntervalMs);
    expect(local.tombstoneMs).toBeLessThan(lan.tombstoneMs);
    expect(local.fanout).toBe(lan.fanout);
  });

  it('retransmit limit is mult·ceil(log10(n+1)) as memberlist', () => {
    expect([3, 10, 50, 100].map((n) => retransmitLimit(4, n))).toEqual([4, 8, 8, 12]);
  });

  it('suspicion timeout is mult·max(1, log10 n)·interval as memberlist', () => {
    expect(suspicionTimeout(4, 1, 1000)).toBe(4000);
    expect(suspicionTimeout(4, 10, 1000)).toBe(4000);
    expect(suspicionTimeout(4, 100, 1000)).toBe(8000);
    expect(suspicionTimeout(4, 1000, 500)).toBe(6000);
  });

  it('push-pull interval scales as memberlist pushPullScale above 32 nodes', () => {
    expect([1, 32, 33, 64, 65, 100, 128, 200].map((n) => pushPullScale(3000, n))).toEqual([
      3000, 3000, 6000, 6000, 9000, 9000, 9000, 12000
    ]);
  });

  it('a scaled periodic task re-reads its interval before every wait and stops on clear', () => {
    const clock = new ManualClock(0);
    const periodic = new Periodic(clock, () => 0);
    let interval = 100;
    const runs: number[] = [];
    periodic.everyScaled(
      100,
      () => interval,
      () => runs.push(clock.now())
    );
    clock.tick(250);
    interval = 300;
    clock.tick(1000);
    expect(runs).toEqual([0, 100, 200, 300, 600, 900, 1200]);
    periodic.clear();
    clock.tick(1000);
    expect(runs).toHaveLength(7);
  });

  it('rejects an out-of-range option with GOSSIP_ERR_INVALID_CONFIG', () => {
    const clock = new ManualClock(0);
    const transport = new MemoryNetwork({ clock }).createTransport('a');
    const keys = [new Uint8Array(32)];
    const bad = [{ fanout: 0 }, { gossipIntervalMs: -1 }, { probeTimeoutMs: 5000 }];
    for (const override of bad) {
      try {
        gossip({ keys, ...override })({ clock, transport });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(GossipError);
        expect((err as GossipError).code).toBe('GOSSIP_ERR_INVALID_CONFIG');
      }
    }
  });
});
