import type { PredefinedPool } from './types.js';

/**
 * Docker's local-scope (bridge) default pools, in order: 15 × /16 then 16 × /20 = 31 subnets
 * (libnetwork ipamutils/utils.go localScopeDefaultNetworks).
 */
export const LOCAL_DEFAULT_POOLS: readonly PredefinedPool[] = Object.freeze([
  { base: '172.17.0.0/16', size: 16 },
  { base: '172.18.0.0/16', size: 16 },
  { base: '172.19.0.0/16', size: 16 },
  { base: '172.20.0.0/14', size: 16 },
  { base: '172.24.0.0/14', size: 16 },
  { base: '172.28.0.0/14', size: 16 },
  { base: '192.168.0.0/16', size: 20 }
]);

/**
 * Docker's global-scope (swarm overlay) default pool: 10.0.0.0/8 split into 65536 /24s, overridable at
 * `swarm init --default-addr-pool … --default-addr-pool-mask-length …` (ipamutils globalScopeDefaultNetworks).
 */
export const GLOBAL_DEFAULT_POOLS: readonly PredefinedPool[] = Object.freeze([{ base: '10.0.0.0/8', size: 24 }]);
