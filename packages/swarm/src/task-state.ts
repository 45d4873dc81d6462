/** A task's state, as Docker's API spells it (`Status.State`, `DesiredState`). */
export type TaskState =
  | 'new'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

/** swarmkit's numeric codes (api/types.proto TaskState): states only ever move to a higher code. */
export const TASK_STATE_CODE: Readonly<Record<TaskState, number>> = {
  new: 0,
  pending: 64,
  assigned: 192,
  accepted: 256,
  preparing: 320,
  ready: 384,
  starting: 448,
  running: 512,
  complete: 576,
  shutdown: 640,
  failed: 704,
  rejected: 768,
  remove: 800,
  orphaned: 832
};

/** Default `Status.Message` of each state, as swarmkit's manager and agent write them. */
export const TASK_STATE_MESSAGE: Readonly<Record<TaskState, string>> = {
  new: 'created',
  pending: 'pending task scheduling',
  assigned: 'scheduler assigned task to node',
  accepted: 'accepted',
  preparing: 'preparing',
  ready: 'prepared',
  starting: 'starting',
  running: 'started',
  complete: 'finished',
  shutdown: 'shutdown',
  failed: 'task: non-zero exit',
  rejected: 'rejected',
  remove: 'removed',
  orphaned: 'task orphaned'
};

/** True when `a` comes strictly after `b` in swarmkit's order. */
export function isAfter(a: TaskState, b: TaskState): boolean {
  return TASK_STATE_CODE[a] > TASK_STATE_CODE[b];
}

/** True for states a task never leaves (complete and beyond). */
export function isTerminal(state: TaskState): boolean {
  return TASK_STATE_CODE[state] >= TASK_STATE_CODE.complete;
}

/** True when a desired state still asks the task to run (≤ running), as swarmkit's orchestrators test it. */
export function isRunnableDesired(desired: TaskState): boolean {
  return TASK_STATE_CODE[desired] <= TASK_STATE_CODE.running;
}
