import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { gossip, GossipError, type Gossip } from '../src/index.js';

const key = (b: number): Uint8Array => new Uint8Array(32).fill(b);

function pair(keysA: Uint8Array[], keysB: Uint8Array[]): { clock: ManualClock; a: Gossip; b: Gossip } {
  const clock = new ManualClock();
  const net = new MemoryNetwork({ clock }, { seed: 3 });
  const a = gossip({ preset: 'local', keys: keysA })({ clock, transport: net.createTransport('a') });
  const b = gossip({ preset: 'local', keys: keysB })({ clock, transport: net.createTransport('b') });
  a.start();
  b.start();
  return { clock, a, b };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof GossipError ? err.code : 'other';
  }
  return undefined;
}

describe('Gossip node', () => {
  it('two nodes with the same key join and replicate an entry', async () => {
    const { clock, a, b } = pair([key(1)], [key(1)]);
    const joined = b.join(['a']);
    clock.tick(10);
    expect(await joined).toBe(1);
    a.joinNetwork('ov');
    b.joinNetwork('ov');
    clock.tick(500);
    a.create('t', 'ov', 'k', Uint8Array.from([9]));
    clock.tick(500);
    expect(b.get('t', 'ov', 'k')).toMatchObject({ owner: 'a', value: Uint8Array.from([9]) });
    expect(a.members().map((m) => `${m.node}:${m.state}`)).toEqual(['a:alive', 'b:alive']);
  });

  it('a node with a foreign key never becomes a member; its frames are counted as unauthenticated', async () => {
    const { clock, a, b } = pair([key(1)], [key(2)]);
    void b.join(['a']);
    clock.tick(2000);
    expect(a.members().map((m) => m.node)).toEqual(['a']);
    expect(a.stats.droppedBy.GOSSIP_ERR_UNAUTHENTICATED).toBeGreaterThan(0);
  });

  it('keys rotate without a gap: install, use, remove', async () => {
    const { clock, a, b } = pair([key(1)], [key(1)]);
    void b.join(['a']);
    a.joinNetwork('ov');
    b.joinNetwork('ov');
    clock.tick(500);
    for (const n of [a, b]) n.keyring.install(key(2));
    a.keyring.use(key(2)); // a sends with the new key while b still sends with the old one
    a.create('t', 'ov', 'k1', Uint8Array.from([1]));
    clock.tick(500);
    b.keyring.use(key(2));
    for (const n of [a, b]) n.keyring.remove(key(1));
    b.create('t', 'ov', 'k2', Uint8Array.from([2]));
    clock.tick(500);
    expect([a, b].map((n) => n.entries().length)).toEqual([2, 2]);
    expect(a.stats.dropped + b.stats.dropped).toBe(0);
  });

  it('needs start() before join() and refuses after leave()', async () => {
    const clock = new ManualClock();
    const transport = new MemoryNetwork({ clock }).createTransport('a');
    const node = gossip({ keys: [key(1)] })({ clock, transport });
    await expect(node.join(['b'])).rejects.toBeInstanceOf(GossipError);
    await expect(node.join(['b'])).rejects.toMatchObject({ code: 'GOSSIP_ERR_NOT_RUNNING' });
    node.start();
    node.leave();
    expect(codeOf(() => node.leave())).toBe('GOSSIP_ERR_NOT_RUNNING');
    expect(node.members()[0]!.state).toBe('left');
  });

  it('stop() cancels every timer it started', () => {
    const clock = new ManualClock();
    const transport = new MemoryNetwork({ clock }).createTransport('a');
    const node = gossip({ preset: 'lan', keys: [key(1)] })({ clock, transport });
    node.start();
    expect(clock.pendingTimers()).toBeGreaterThan(0);
    node.stop();
    expect(clock.pendingTimers()).toBe(0);
  });
});
