import type { RealServer } from '../real-server.js';
import type { DestChange, Scheduler } from './scheduler.js';

/**
 * `rr` (ip_vs_rr.c): the next available destination after the last one picked, skipping weight-0 and
 * overloaded servers; weights other than 0 do not matter. Each instance keeps its own pointer, so every
 * node's LB rotates independently, as in Swarm.
 */
export class RoundRobin implements Scheduler {
  readonly name = 'rr';
  // Index of the last pick; -1 is the list head (sched_data = &svc->destinations).
  private cursor = -1;

  constructor(private readonly dests: readonly RealServer[]) {}

  pick(): RealServer | undefined {
    const n = this.dests.length;
    // One lap: every entry after the cursor, wrapping round to the cursor itself.
    for (let step = 1; step <= n; step++) {
      const i = (this.cursor + step) % n;
      const dest = this.dests[i]!;
      if (dest.available) {
        this.cursor = i;
        return dest;
      }
    }
    return undefined;
  }

  onChange(change: DestChange): void {
    if (change.kind === 'add' && this.cursor >= 0 && change.index <= this.cursor) this.cursor++;
    if (change.kind !== 'remove') return;
    // ip_vs_rr_del_dest: removing the current entry moves the pointer to its predecessor.
    if (change.index <= this.cursor) this.cursor--;
  }
}
