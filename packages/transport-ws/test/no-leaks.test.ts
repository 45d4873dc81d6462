import { describe, expect, it } from 'vitest';
import { waitFor } from '@swarmsim/testkit';
import { cluster } from './helpers.js';

function socketHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
}

describe('WsTransport resources', () => {
  it('releases every socket, server and timer on close, even with failed peers and pending reconnects', async () => {
    const baseline = socketHandles();
    const [a, b, c] = await cluster(['a', 'b', 'c'], { reconnectMinMs: 1000 });
    await Promise.all([
      a!.sendReliable('b', 'gossip', Uint8Array.of(1)),
      b!.sendReliable('c', 'control', Uint8Array.of(2))
    ]);
    await c!.close();
    // b's link to c now waits to reconnect: a pending timer that close() must clear.
    await b!.sendReliable('c', 'control', Uint8Array.of(3)).catch(() => undefined);
    expect(socketHandles()).toBeGreaterThan(baseline);
    await Promise.all([a!.close(), b!.close()]);
    await waitFor(() => socketHandles() === baseline, { timeoutMs: 2000, what: 'all sockets closed' });
    expect(
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate').length
    ).toBeLessThanOrEqual(1);
  });
});
