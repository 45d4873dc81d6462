import { describe, expect, it } from 'vitest';
import { defaultConfig } from '@swarmsim/gossip';
import { GOSSIP_TIMER_NAMES } from '../src/index.js';

// config sits below gossip (DESIGN.md §2) so it lists the names itself; this keeps the two in step.
describe('GOSSIP_TIMER_NAMES', () => {
  it('are exactly the fields of the gossip GossipConfig', () => {
    expect([...GOSSIP_TIMER_NAMES].sort()).toEqual(Object.keys(defaultConfig('lan')).sort());
  });
});
