import { lbError } from '../errors.js';
import type { RealServer } from '../real-server.js';
import type { SchedulerName } from '../types.js';
import { isPrime, type HashKey } from './hash.js';
import { LeastConnection, WeightedLeastConnection } from './least-connection.js';
import { MaglevHash } from './maglev-hash.js';
import { RoundRobin } from './round-robin.js';
import type { Scheduler } from './scheduler.js';
import { SourceHash } from './source-hash.js';
import { WeightedRoundRobin } from './weighted-round-robin.js';

/** Every scheduler this package implements, in ipvsadm's spelling. */
export const SCHEDULERS: readonly SchedulerName[] = ['rr', 'wrr', 'lc', 'wlc', 'sh', 'mh'];

/** Inputs of {@link createScheduler} beyond the destination list. */
export interface SchedulerInit {
  fallback: boolean;
  hashPort: boolean;
  mhTableSize: number;
  /** Draws the per-service hash secrets (the kernel's random hsiphash keys), from the seeded RNG. */
  randomKey: () => HashKey;
}

/** Builds the named scheduler over a service's live destination list. */
export function createScheduler(name: string, dests: readonly RealServer[], init: SchedulerInit): Scheduler {
  switch (name) {
    case 'rr':
      return new RoundRobin(dests);
    case 'wrr':
      return new WeightedRoundRobin(dests);
    case 'lc':
      return new LeastConnection(dests);
    case 'wlc':
      return new WeightedLeastConnection(dests);
    case 'sh':
      return new SourceHash(dests, init);
    case 'mh':
      if (!isPrime(init.mhTableSize)) throw lbError({ code: 'LB_ERR_TABLE_SIZE_NOT_PRIME', size: init.mhTableSize });
      return new MaglevHash(dests, {
        ...init,
        tableSize: init.mhTableSize,
        hash1: init.randomKey(),
        hash2: init.randomKey()
      });
    default:
      throw lbError({ code: 'LB_ERR_UNKNOWN_SCHEDULER', scheduler: name });
  }
}
