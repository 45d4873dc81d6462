import { parentPort } from 'node:worker_threads';
import { pack } from 'msgpackr';
import { WebSocketServer } from 'ws';

// The bare worker of issue 4's boot benchmark: loads ws and msgpackr, opens a ws server on loopback, reports.
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  parentPort?.postMessage(pack({ type: 'ready', port }));
});
parentPort?.on('message', (msg: unknown) => {
  if (msg === 'stop') server.close(() => process.exit(0));
});
