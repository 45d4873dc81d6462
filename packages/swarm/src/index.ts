/**
 * @packageDocumentation
 * Swarm's control plane as pure, clock-driven state machines: a store with versioned objects, the network
 * allocator (ingress 10.0.0.0/24 VNI 4096, first-fit /24 overlays, serial VIPs, task and node LB addresses,
 * ingress ports), the spread scheduler, replicated and global orchestrators with restart policy and rolling
 * updates, and the dispatcher (heartbeats, assignments, task reports), tied together by {@link Manager}.
 *
 * @example
 * ```ts
 * import { ManualClock } from '@swarmsim/clock';
 * import { Manager } from '@swarmsim/swarm';
 * const clock = new ManualClock();
 * const manager = new Manager({ preset: 'local' }, { clock });
 * const n1 = manager.joinNode({ hostname: 'node-1', role: 'manager' });   // ingress-sbox 10.0.0.2
 * manager.createNetwork({ name: 'net1' });                                 // 10.0.1.0/24, VNI 4097
 * manager.events.on('assignments', ({ nodeId, changes }) => console.log(nodeId, changes));
 * manager.createService({ name: 'web', image: 'nginx', replicas: 3, networks: ['net1'],
 *   ports: [{ targetPort: 80, publishedPort: 8080 }] });
 * manager.heartbeat(n1.id);
 * ```
 */
export {
  Manager,
  SIMULATED_PLATFORM,
  type JoinRequest,
  type ManagerComponents,
  type ManagerEvents,
  type ManagerInit
} from './manager/manager.js';
export type { NetworkView, NodeView, ServiceView, TaskView, MetaView } from './manager/read-models.js';
export { SwarmError, type ObjectKind, type SwarmErrorCode, type SwarmErrorType } from './errors.js';
export { Store, type StoreChange, type StoreEvents, type StoreObjects } from './store/store.js';
export { Allocator, type AllocatableService, type NetworkRequest } from './allocator/allocator.js';
export { VniAllocator, VNI_START, VNI_END } from './allocator/vni-allocator.js';
export { PortAllocator, DYNAMIC_PORT_START, DYNAMIC_PORT_END } from './allocator/port-allocator.js';
export { DISPATCHER_PRESETS, type DispatcherConfig } from './dispatcher/presets.js';
export type { DispatcherEvents, TaskReport } from './dispatcher/dispatcher.js';
export type { AssignedNetwork, Assignment, AssignmentChange, AssignmentSet } from './dispatcher/assignments.js';
export { DEFAULT_RESTART_DELAY_MS } from './orchestrator/restart.js';
export { TASK_HISTORY_RETENTION } from './orchestrator/reaper.js';
export { TASK_STATE_CODE, TASK_STATE_MESSAGE, isTerminal, type TaskState } from './task-state.js';
export type * from './types.js';
