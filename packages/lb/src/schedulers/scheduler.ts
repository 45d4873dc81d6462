import type { RealServer } from '../real-server.js';
import type { SchedulerName } from '../types.js';

/** The flow fields the hashing schedulers read: the client address (as a number) and port. */
export interface FlowKey {
  srcAddr: number;
  srcPort: number;
}

/** What changed in a service's destination list; `index` is the position in that list. */
export type DestChange = { kind: 'add' | 'remove' | 'edit'; index: number };

/**
 * One IPVS scheduling module bound to one service (struct ip_vs_scheduler + sched_data). It reads the
 * service's live destination list, which — as in the kernel — holds the most recently added server first.
 */
export interface Scheduler {
  readonly name: SchedulerName;
  /** Picks a destination for a new flow, or undefined when none is available ("no destination available"). */
  pick(flow: FlowKey): RealServer | undefined;
  /** Keeps the scheduler's state in step after a destination was added, removed or edited (add_dest/del_dest/upd_dest). */
  onChange(change: DestChange): void;
}
