/** Heartbeat timing of the dispatcher. */
export interface DispatcherConfig {
  /** Period the dispatcher asks nodes to heartbeat at, ms. */
  heartbeatPeriodMs: number;
  /** A node is Down after `heartbeatPeriodMs × downMultiplier` without a heartbeat. */
  downMultiplier: number;
  /** Each heartbeat period is drawn from `heartbeatPeriodMs ± heartbeatEpsilonMs`, so nodes do not beat in step. */
  heartbeatEpsilonMs: number;
  /** How long a node may stay Down before its unfinished tasks are marked orphaned. */
  orphanAfterMs: number;
}

/** Named presets: `lan` is Swarm's real timing, `local` is fast for tests and demos on one machine. */
export const DISPATCHER_PRESETS: Readonly<Record<'lan' | 'local', DispatcherConfig>> = {
  // swarmkit dispatcher.go: DefaultHeartBeatPeriod 5 s, defaultHeartBeatEpsilon 500 ms, Down after period × 3.
  // defaultNodeDownPeriod: after 24 h Down, the node's tasks are orphaned (moveTasksToOrphaned).
  lan: { heartbeatPeriodMs: 5_000, downMultiplier: 3, heartbeatEpsilonMs: 500, orphanAfterMs: 86_400_000 },
  // 20× faster than lan so an in-process or worker-thread cluster notices a dead node in under a second.
  local: { heartbeatPeriodMs: 250, downMultiplier: 3, heartbeatEpsilonMs: 25, orphanAfterMs: 86_400_000 }
};
