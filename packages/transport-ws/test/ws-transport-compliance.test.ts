import { transportSuite } from '@swarmsim/testkit/transport-suite';
import { cluster, sleep } from './helpers.js';

await transportSuite(
  'WsTransport',
  async () => {
    const transports = await cluster(['node-1', 'node-2', 'node-3']);
    return {
      transports,
      advance: sleep,
      teardown: async () => {
        await Promise.all(transports.map((t) => t.close()));
      }
    };
  },
  { stepMs: 5, maxWaitMs: 5000, quietMs: 100 }
);

await transportSuite(
  'WsTransport with small frames',
  async () => {
    const transports = await cluster(['a', 'b', 'c'], { maxPayloadBytes: 1000, maxFrameBytes: 2048 });
    return {
      transports,
      advance: sleep,
      teardown: async () => {
        await Promise.all(transports.map((t) => t.close()));
      }
    };
  },
  { stepMs: 5, maxWaitMs: 5000, quietMs: 100 }
);
