import { ManualClock } from '@swarmsim/clock';
import { transportSuite } from '@swarmsim/testkit/transport-suite';
import { MemoryNetwork } from '../src/index.js';

await transportSuite('MemoryNetwork', async () => {
  const clock = new ManualClock();
  const net = new MemoryNetwork({ clock }, { seed: 3, defaults: { latencyMs: 2 } });
  const transports = ['node-1', 'node-2', 'node-3'].map((id) => net.createTransport(id));
  return {
    transports,
    advance: async (ms) => {
      clock.tick(ms);
      // Let promise callbacks of the deliveries run before the suite looks.
      await Promise.resolve();
    },
    teardown: async () => {
      await Promise.all(transports.map((t) => t.close()));
    }
  };
});

await transportSuite(
  'MemoryNetwork with jitter and a small payload limit',
  async () => {
    const clock = new ManualClock();
    const net = new MemoryNetwork(
      { clock },
      { seed: 9, maxPayloadBytes: 512, defaults: { latencyMs: 5, jitterMs: 10 } }
    );
    const transports = ['a', 'b', 'c'].map((id) => net.createTransport(id));
    return {
      transports,
      advance: async (ms) => {
        clock.tick(ms);
        await Promise.resolve();
      },
      teardown: async () => {
        await Promise.all(transports.map((t) => t.close()));
      }
    };
  },
  { stepMs: 2 }
);

// Zero latency: delivery is due at once, and must still wait for the clock, never run inside the send.
await transportSuite('MemoryNetwork with zero latency', async () => {
  const clock = new ManualClock();
  const net = new MemoryNetwork({ clock }, { defaults: { latencyMs: 0 } });
  const transports = ['x', 'y', 'z'].map((id) => net.createTransport(id));
  return {
    transports,
    advance: async (ms) => {
      clock.tick(ms);
      await Promise.resolve();
    },
    teardown: async () => {
      await Promise.all(transports.map((t) => t.close()));
    }
  };
});
