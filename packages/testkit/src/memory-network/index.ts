export { MemoryNetwork, type MemoryNetworkOptions, type MemoryNetworkStats } from './memory-network.js';
export type { LinkConditions } from './link-conditions.js';
