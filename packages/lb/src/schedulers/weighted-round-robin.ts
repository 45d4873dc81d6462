import type { RealServer } from '../real-server.js';
import { gcd } from './hash.js';
import type { DestChange, Scheduler } from './scheduler.js';

/**
 * `wrr` (ip_vs_wrr.c): interleaved weighted round robin. A current weight `cw` steps down from the
 * maximum weight by the gcd of all weights; each lap picks every server whose weight is ≥ cw, so
 * weights 3:1 give A A A B per cycle.
 */
export class WeightedRoundRobin implements Scheduler {
  readonly name = 'wrr';
  private cl = -1; // last pick; -1 = list head
  private cw = 0; // current weight
  private mw = 0; // max weight, rounded down to a multiple of di
  private di = 1; // gcd of the positive weights

  constructor(private readonly dests: readonly RealServer[]) {
    this.recalc();
    this.cw = this.mw;
  }

  pick(): RealServer | undefined {
    if (this.mw === 0) return undefined;
    const last = this.cl;
    let from = this.cl;
    let stop: number | undefined;
    let lastPass = false;
    let restarted = false;
    for (;;) {
      for (let i = from + 1; i < this.dests.length; i++) {
        const dest = this.dests[i]!;
        if (!dest.overloaded && dest.weight >= this.cw) return this.found(i, dest);
        if (i === stop) return this.fail(i);
      }
      from = -1;
      this.cw -= this.di;
      if (this.cw <= 0) {
        this.cw = this.mw;
        // Every server was already checked against weight ≥ 1: all are overloaded.
        if (lastPass || last === -1) return this.fail(-1);
        restarted = true;
      }
      lastPass = this.cw <= this.di;
      if (lastPass && restarted && last !== -1) stop = last;
    }
  }

  onChange(_change: DestChange): void {
    // ip_vs_wrr_dest_changed: restart from the head with the new gcd and max weight.
    this.cl = -1;
    this.recalc();
    if (this.cw > this.mw || this.cw === 0) this.cw = this.mw;
    else if (this.di > 1) this.cw = Math.floor(this.cw / this.di) * this.di + 1;
  }

  private recalc(): void {
    let g = 0;
    let max = 0;
    for (const d of this.dests) {
      if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
      max = Math.max(max, d.weight);
    }
    this.di = g > 0 ? g : 1;
    this.mw = max - (max % this.di);
  }

  private found(i: number, dest: RealServer): RealServer {
    this.cl = i;
    return dest;
  }

  private fail(i: number): undefined {
    this.cl = i;
    return undefined;
  }
}
