import { parentPort, workerData } from 'node:worker_threads';
import { forwardingLogger } from '@swarmsim/log/forwarding';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { realClock } from '@swarmsim/clock';
import { createWsTransport, type WsTransport } from '@swarmsim/transport-ws';
import { InProcessNode } from './in-process-node.js';
import { toCodedErrorData } from './coded-errors.js';
import { runContainerCall } from './container-calls.js';
import { runManagerCall } from './manager-calls.js';
import { nodeStatus } from './node-status.js';
import type { WorkerBootData, WorkerReply, WorkerRequest } from './worker-messages.js';

// The entry of one node worker (run from dist/): the node lives on its own fabric and wire, with real time,
// and talks to the other nodes only over its ws transport. The main thread drives it with WorkerRequests.

const HANDSHAKE_TIMEOUT_MS = 30_000;

/** Binds the node's own loopback address; 127.0.0.1 when that fails (e.g. a host without 127/8 routed to lo). */
async function bindTransport(boot: WorkerBootData): Promise<WsTransport> {
  // Dozens of node threads on a few cores can leave a handshake unanswered for seconds while they boot; a
  // generous timeout (Linux gives a TCP connect about two minutes) keeps that from reading as a refused peer.
  const init = { localId: boot.node.name, token: boot.wsToken, port: 0, connectTimeoutMs: HANDSHAKE_TIMEOUT_MS };
  try {
    return await createWsTransport({ ...init, host: boot.host });
  } catch {
    return createWsTransport({ ...init, host: '127.0.0.1' });
  }
}

/** Runs one request against the node and returns the reply. */
async function handle(node: InProcessNode, transport: WsTransport, req: WorkerRequest): Promise<WorkerReply> {
  switch (req.type) {
    case 'peers':
      transport.setPeers(req.book);
      return { type: 'ok', id: req.id };
    case 'init':
      return { type: 'tokens', id: req.id, tokens: await node.initSwarm() };
    case 'join':
      await node.joinSwarm(req.leader, req.token);
      return { type: 'ok', id: req.id };
    case 'status':
      return { type: 'status-reply', id: req.id, status: nodeStatus(node) };
    case 'manager':
      return { type: 'result', id: req.id, value: runManagerCall(node.manager, req.call) };
    case 'containers':
      return { type: 'result', id: req.id, value: await runContainerCall(node.containers, req.call) };
    case 'stop':
      await node.stop();
      return { type: 'ok', id: req.id };
  }
}

/** A thrown error as a failure reply: a coded error travels as data and is rebuilt as its own class. */
function failure(id: number, err: unknown): WorkerReply {
  const error = toCodedErrorData(err);
  const message = err instanceof Error ? err.message : String(err);
  return { type: 'failure', id, code: error?.code ?? 'NODE_ERR_WORKER_FAILED', message, ...(error ? { error } : {}) };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const boot = workerData as WorkerBootData;
  const transport = await bindTransport(boot);
  // `swarm init` joins the node's own agent through its transport, so it must know its own address.
  transport.setPeers({ [boot.node.name]: transport.url });
  const logger = forwardingLogger(
    (record) => port.postMessage({ type: 'log', record } satisfies WorkerReply),
    boot.logLevel ?? 'silent'
  );
  // The node adds its own `node` binding to what it logs; the fabric (namespaces, TCP) gets it here.
  const fabric = new Fabric(
    { clock: realClock, logger: logger.child({ node: boot.node.name }) },
    { seed: boot.node.seed ?? 1 }
  );
  // Published container ports listen where the node's ws server could bind (its own loopback address).
  const publishAddress = new URL(transport.url).hostname;
  const node = new InProcessNode(
    { ...boot.node, publishAddress },
    { clock: realClock, fabric, wire: new Wire('underlay'), transport, logger }
  );
  port.on('message', (req: WorkerRequest) => {
    handle(node, transport, req).then(
      (reply) => port.postMessage(reply),
      (err: unknown) => port.postMessage(failure(req.id, err))
    );
  });
  port.postMessage({ type: 'ready', url: transport.url } satisfies WorkerReply);
}

void main();
