import type { RealServer } from '../real-server.js';
import type { Scheduler } from './scheduler.js';

/**
 * `lc` (ip_vs_lc.c): the available server with the lowest overhead (activeconns·256 + inactconns);
 * ties go to the first in list order.
 */
export class LeastConnection implements Scheduler {
  readonly name = 'lc';

  constructor(private readonly dests: readonly RealServer[]) {}

  pick(): RealServer | undefined {
    let least: RealServer | undefined;
    let loh = 0;
    for (const dest of this.dests) {
      if (!dest.available) continue;
      const doh = dest.overhead;
      if (least === undefined || doh < loh) {
        least = dest;
        loh = doh;
      }
    }
    return least;
  }

  onChange(): void {}
}

/**
 * `wlc` (ip_vs_wlc.c): the server with the lowest overhead/weight, compared by cross-multiplication
 * (loh·w_dest > doh·w_least) so no division happens; ties go to the first in list order.
 */
export class WeightedLeastConnection implements Scheduler {
  readonly name = 'wlc';

  constructor(private readonly dests: readonly RealServer[]) {}

  pick(): RealServer | undefined {
    let least: RealServer | undefined;
    let loh = 0;
    for (const dest of this.dests) {
      if (least === undefined) {
        if (dest.available) {
          least = dest;
          loh = dest.overhead;
        }
        continue;
      }
      // Weight-0 servers never win: loh·0 > doh·w is false.
      if (dest.overloaded) continue;
      const doh = dest.overhead;
      if (loh * dest.weight > doh * least.weight) {
        least = dest;
        loh = doh;
      }
    }
    return least;
  }

  onChange(): void {}
}
