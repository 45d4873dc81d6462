/**
 * @packageDocumentation
 * One simulated swarm node (a dockerd plus its swarmkit agent) over a `Transport` and a `Clock`: the host
 * stack on netmodel (eth0 on the underlay, docker0, and at swarm init/join docker_gwbridge and ingress-sbox),
 * gossip membership on the `gossip` channel, and the agent protocol on `control` — registration with a
 * join token, heartbeats, assignments pushed by the leader's {@link Manager}, task state reports. Task
 * containers join their overlay networks (VXLAN over the underlay bridge, peers from the gossip `overlay_peer_table`). The same node
 * runs in a worker thread as a {@link WorkerNode} (built `dist/worker.js`, bundled into `dist/worker.bundle.js` by `npm run build`); both sit behind {@link NodeHandle}.
 *
 * @example
 * ```ts
 * import { Fabric, Wire } from '@swarmsim/netmodel';
 * import { ManualClock } from '@swarmsim/clock';
 * import { MemoryNetwork } from '@swarmsim/transport-memory';
 * import { InProcessNode } from '@swarmsim/node';
 * const clock = new ManualClock();
 * const fabric = new Fabric({ clock });
 * const wire = new Wire('underlay');
 * const net = new MemoryNetwork({ clock });
 * const n1 = new InProcessNode({ name: 'node-1', underlayIp: '192.168.99.100' },
 *   { clock, fabric, wire, transport: net.createTransport('node-1') });
 * const init = n1.initSwarm();
 * clock.tick(10);
 * const tokens = await init;          // tokens.worker = 'SWMTKN-1-…'
 * ```
 */
export { InProcessNode, type InProcessNodeComponents, type InProcessNodeInit } from './in-process-node.js';
export { NodeError, RemoteError, type NodeErrorCode, type NodeErrorType } from './errors.js';
export { runManagerCall, type ManagerCall, type ManagerResult, type ManagerResults } from './manager-calls.js';
// Standalone containers (`docker run`, local bridge networks, -p with real listeners): see ContainerEngine.
export * from './containers/index.js';
export {
  runContainerCall,
  type ContainerCall,
  type ContainerResult,
  type ContainerResults
} from './container-calls.js';
export {
  generateJoinTokens,
  parseJoinToken,
  roleOfToken,
  type JoinTokens,
  type ParsedJoinToken
} from './join-token.js';
export { ChannelMux } from './channel-mux.js';
export { ControlType, decodeControl, encodeControl, type ControlMsg } from './control/messages.js';
export type { LocalTask } from './task-runner.js';
export type { SwarmSandboxes } from './swarm-sandboxes.js';
export type { NodeHandle, NodeStatus, ManagerSnapshot, OverlayStatusView, TaskStatusView } from './node-handle.js';
export { nodeStatus, managerSnapshot, inProcessHandle } from './node-status.js';
export { WorkerNode, defaultWorkerEntry, type WorkerNodeInit } from './worker-node.js';
export {
  WORKER_MSG_DIRECTION,
  isWorkerReply,
  type WorkerBootData,
  type WorkerMsg,
  type WorkerReply,
  type WorkerRequest
} from './worker-messages.js';
