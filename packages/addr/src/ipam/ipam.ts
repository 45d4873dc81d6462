import { formatIpv4 } from '../ipv4.js';
import { formatPrefix, type Ipv4Prefix } from '../prefix.js';
import { AddressPool } from './address-pool.js';
import { AddressSpace } from './address-space.js';
import { ipamAddress } from './cidr.js';
import { GLOBAL_DEFAULT_POOLS, LOCAL_DEFAULT_POOLS } from './default-pools.js';
import { IpamError } from './errors.js';
import { resolvePoolRequest, type ResolvedRequest } from './pool-request.js';
import type {
  IpamAddressRequest,
  IpamPool,
  IpamPoolRequest,
  IpamPoolStatus,
  IpamScope,
  PredefinedPool
} from './types.js';

/** Options of {@link Ipam}. */
export interface IpamInit {
  /** Predefined pools of the `local` space (`--default-address-pool`; [] = defaults). @default LOCAL_DEFAULT_POOLS */
  localPools?: readonly PredefinedPool[];
  /** Predefined pools of the `global` space (`--default-addr-pool`; [] = defaults). @default GLOBAL_DEFAULT_POOLS */
  globalPools?: readonly PredefinedPool[];
}

/** One allocated pool: its public description, its space and its address bitmap. */
interface PoolState {
  readonly info: IpamPool;
  readonly space: AddressSpace;
  readonly addresses: AddressPool;
}

// libnetwork's address space names, used in pool ids as Docker does (`LocalDefault/172.17.0.0/16`).
const SPACE_NAMES: Record<IpamScope, string> = { local: 'LocalDefault', global: 'GlobalDefault' };

/**
 * Docker's default IPAM driver for IPv4: subnets first-fit from predefined pools per address space,
 * addresses lowest-free (local) or serial (global) inside each subnet. Pure and synchronous.
 */
export class Ipam {
  private readonly spaces: Record<IpamScope, AddressSpace>;
  private readonly pools = new Map<string, PoolState>();

  constructor(init: IpamInit = {}) {
    // An empty list means "defaults", as in defaultipam.Register and dockerd's config loading.
    const pick = (pools: readonly PredefinedPool[] | undefined, fallback: readonly PredefinedPool[]) =>
      pools !== undefined && pools.length > 0 ? pools : fallback;
    this.spaces = {
      local: new AddressSpace('local', pick(init.localPools, LOCAL_DEFAULT_POOLS)),
      global: new AddressSpace('global', pick(init.globalPools, GLOBAL_DEFAULT_POOLS))
    };
  }

  /** Allocates a subnet (explicit or predefined) and reserves its gateway, like `docker network create`. */
  requestPool(request: IpamPoolRequest): IpamPool {
    const space = this.spaces[request.scope];
    const resolved = resolvePoolRequest(request);
    const subnet = resolved.subnet ?? space.findFree(resolved.prefixLength, resolved.exclude);
    if (resolved.subnet !== undefined) {
      const existing = space.overlapping(subnet);
      if (existing !== undefined) {
        throw new IpamError({
          code: 'IPAM_ERR_OVERLAPPING_SUBNET',
          scope: request.scope,
          subnet: formatPrefix(subnet),
          existing: formatPrefix(existing)
        });
      }
    }
    const state = this.createPool(request.scope, space, subnet, resolved);
    space.add(subnet);
    this.pools.set(state.info.id, state);
    return state.info;
  }

  /** Frees a pool's subnet and all its addresses (`docker network rm`). */
  releasePool(poolId: string): void {
    const state = this.state(poolId);
    state.space.delete(state.addresses.subnet);
    this.pools.delete(poolId);
  }

  /** The pool with that id. */
  getPool(poolId: string): IpamPool {
    return this.state(poolId).info;
  }

  /** All allocated pools, optionally of one scope, in allocation order. */
  listPools(scope?: IpamScope): IpamPool[] {
    return [...this.pools.values()].map((s) => s.info).filter((p) => scope === undefined || p.scope === scope);
  }

  /**
   * Allocates an address: `ip` reserves exactly that one (`--ip`, anywhere in the subnet, as libnetwork
   * allows outside the ip-range); otherwise the next by the pool's policy from the ip-range or subnet.
   */
  requestAddress(poolId: string, request: IpamAddressRequest = {}): string {
    const state = this.state(poolId);
    if (request.ip !== undefined) {
      reserveStatic(state, request.ip);
      return formatIpv4(ipamAddress(request.ip));
    }
    const address = state.addresses.allocate();
    if (address === undefined) throw noAvailableIps(state.info);
    return formatIpv4(address);
  }

  /**
   * Frees an address; returns false when it was not allocated (a no-op, as in libnetwork). The network
   * and broadcast addresses stay reserved.
   */
  releaseAddress(poolId: string, ip: string): boolean {
    const state = this.state(poolId);
    return state.addresses.release(inSubnet(state, ip));
  }

  /** True when `ip` is allocated in the pool (the gateway counts; network/broadcast do too). */
  isAllocated(poolId: string, ip: string): boolean {
    const state = this.state(poolId);
    return state.addresses.has(inSubnet(state, ip));
  }

  /** Allocated addresses of the pool, ascending, gateway included, network/broadcast excluded. */
  inUse(poolId: string): string[] {
    return this.state(poolId).addresses.allocated().map(formatIpv4);
  }

  /** Free addresses left for dynamic allocation. */
  available(poolId: string): number {
    return this.state(poolId).addresses.dynamicAvailable;
  }

  /** Docker-shaped usage counters of the pool (`docker network inspect` Status). */
  status(poolId: string): IpamPoolStatus {
    const { addresses } = this.state(poolId);
    return { ipsInUse: addresses.usedCount, dynamicIpsAvailable: addresses.dynamicAvailable };
  }

  private state(poolId: string): PoolState {
    const state = this.pools.get(poolId);
    if (state === undefined) throw new IpamError({ code: 'IPAM_ERR_UNKNOWN_POOL', poolId });
    return state;
  }

  /** Builds the pool and reserves its gateway before anything is registered, so a failure leaks nothing. */
  private createPool(scope: IpamScope, space: AddressSpace, subnet: Ipv4Prefix, req: ResolvedRequest): PoolState {
    const serial = req.serial ?? scope === 'global';
    const addresses = new AddressPool(subnet, req.ipRange ?? subnet, serial);
    const ipRange = req.ipRange && formatPrefix(req.ipRange);
    const where = {
      id: `${SPACE_NAMES[scope]}/${formatPrefix(subnet)}${ipRange ? `/${ipRange}` : ''}`,
      subnet: formatPrefix(subnet),
      ...(ipRange ? { ipRange } : {})
    };
    // network.go ipamAllocateVersion: no --gateway ⇒ the gateway is the pool's first dynamic allocation.
    const gateway = req.gateway ?? addresses.allocate();
    if (gateway === undefined) throw noAvailableIps(where);
    const info: IpamPool = Object.freeze({ ...where, scope, gateway: formatIpv4(gateway), serial });
    const state: PoolState = { info, space, addresses };
    if (req.gateway !== undefined) reserveStatic(state, info.gateway);
    return state;
  }
}

/** IPAM_ERR_NO_AVAILABLE_IPS for a pool. */
function noAvailableIps(pool: { id: string; subnet: string; ipRange?: string }): IpamError {
  const { id: poolId, subnet, ipRange } = pool;
  return new IpamError({ code: 'IPAM_ERR_NO_AVAILABLE_IPS', poolId, subnet, ...(ipRange ? { ipRange } : {}) });
}

/** Numeric value of `ip`, which must lie in the pool's subnet. */
function inSubnet(state: PoolState, ip: string): number {
  const address = ipamAddress(ip);
  const { start, end } = state.addresses.subnet;
  if (address < start || address > end) {
    const { id: poolId, subnet } = state.info;
    throw new IpamError({ code: 'IPAM_ERR_ADDRESS_OUT_OF_RANGE', poolId, subnet, ip });
  }
  return address;
}

/** Reserves one specific address, with Docker's errors for taken or reserved ones. */
function reserveStatic(state: PoolState, ip: string): void {
  const result = state.addresses.reserve(inSubnet(state, ip));
  if (result === 'ok') return;
  const { id: poolId, subnet } = state.info;
  throw new IpamError({
    code: 'IPAM_ERR_ADDRESS_IN_USE',
    poolId,
    subnet,
    ip,
    ...(result === 'in-use' ? {} : { reserved: result })
  });
}
