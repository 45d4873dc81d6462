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
  // 5× faster than lan: a dead node is Down within ~3 s, while 100 worker-thread nodes beating on 2 cores leave the
  // leader thread idle most of the time (at 250 ms the heartbeats alone were 800 reliable messages/s at 100 nodes).
  local: { heartbeatPeriodMs: 1000, downMultiplier: 3, heartbeatEpsilonMs: 100, orphanAfterMs: 86_400_000 }
};
