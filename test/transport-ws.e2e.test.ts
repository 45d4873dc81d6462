import { describe, expect, it } from 'vitest';
import type { Transport } from '@swarmsim/interface';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { waitFor } from '@swarmsim/testkit';
import { createWsTransport } from '@swarmsim/transport-ws';

// One protocol, two transports: a token relayed around a ring of three nodes must produce the same hop log
// over the in-memory network (virtual time) and over real WebSockets, since node code sees only Transport.

const IDS = ['node-1', 'node-2', 'node-3'];
const HOPS = 60;

/** Wires the relay; returns the log of (node, hop) in delivery order. */
function relay(transports: Transport[]): string[] {
  const log: string[] = [];
  transports.forEach((t, i) => {
    const next = IDS[(i + 1) % IDS.length]!;
    t.onMessage((_from, channel, payload) => {
      const hop = payload[0]!;
      log.push(`${t.localId}:${channel}:${hop}`);
      // Alternate channels so every lane of the connection is exercised.
      if (hop < HOPS) void t.sendReliable(next, hop % 2 === 0 ? 'gossip' : 'control', Uint8Array.of(hop + 1));
    });
  });
  void transports[0]!.sendReliable(IDS[1]!, 'control', Uint8Array.of(1));
  return log;
}

describe('the same protocol over MemoryNetwork and transport-ws', () => {
  it('yields the same hop log', async () => {
    const clock = new ManualClock();
    const net = new MemoryNetwork({ clock }, { seed: 5, defaults: { latencyMs: 3 } });
    const memory = IDS.map((id) => net.createTransport(id));
    const memoryLog = relay(memory);
    clock.tick(HOPS * 3);

    const ws = await Promise.all(IDS.map((localId) => createWsTransport({ localId, token: 'SWMTKN-1-e2e' })));
    try {
      const book = Object.fromEntries(ws.map((t) => [t.localId, t.url]));
      for (const t of ws) t.setPeers(book);
      const wsLog = relay(ws);
      await waitFor(() => wsLog.length === HOPS, { timeoutMs: 10_000, what: 'the token to finish its round trips' });
      expect(memoryLog).toHaveLength(HOPS);
      expect(wsLog).toEqual(memoryLog);
    } finally {
      await Promise.all([...ws, ...memory].map((t) => t.close()));
    }
  });
});
