import type { Clock } from '@swarmsim/interface';
import type { Store } from '../store/store.js';
import { TASK_STATE_MESSAGE, type TaskState } from '../task-state.js';
import type { SwarmService, SwarmTask } from '../types.js';

/** What orchestrator parts share. */
export interface OrchestratorDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
}

/** Creates a task in state `new` (the allocator moves it to pending once it has addresses). */
export function createTask(
  deps: OrchestratorDeps,
  service: SwarmService,
  slot: number,
  desiredState: TaskState,
  nodeId?: string
): SwarmTask {
  const now = deps.clock.now();
  return deps.store.create('task', {
    id: deps.newId(),
    serviceId: service.id,
    slot,
    ...(nodeId !== undefined ? { nodeId } : {}),
    desiredState,
    status: { state: 'new', timestamp: now, message: TASK_STATE_MESSAGE.new },
    transitions: [{ state: 'new', timestamp: now }],
    specVersion: service.specVersion,
    template: { serviceName: service.spec.name, image: service.spec.image, env: [...(service.spec.env ?? [])] },
    networks: []
  });
}

/** Sets a task's desired state to shutdown (or remove), leaving its observed state to the node. */
export function shutdownTask(deps: OrchestratorDeps, task: SwarmTask, desired: TaskState = 'shutdown'): void {
  if (task.desiredState === desired) return;
  deps.store.update('task', task.id, (t) => (t.desiredState = desired));
}
