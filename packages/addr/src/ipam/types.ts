/**
 * Address space of a pool: `local` for bridge networks of one engine, `global` for swarm overlays
 * (libnetwork's `LocalDefault` / `GlobalDefault`). Pools only conflict within one space.
 */
export type IpamScope = 'local' | 'global';

/** One `--default-addr-pool` entry: `base` is split into subnets of prefix length `size`. */
export interface PredefinedPool {
  /** Network to split, e.g. `'10.0.0.0/8'` (host bits must be clear). */
  readonly base: string;
  /** Prefix length of each subnet handed out from `base`, e.g. `24`. */
  readonly size: number;
}

/** Arguments of `Ipam.requestPool`, mirroring `docker network create --subnet/--ip-range/--gateway`. */
export interface IpamPoolRequest {
  /** Address space to allocate in. */
  scope: IpamScope;
  /**
   * Explicit subnet in canonical form. Omitted: the lowest free predefined subnet of `scope`.
   * `0.0.0.0/N` means "a predefined subnet of size /N", as in libnetwork.
   */
  subnet?: string;
  /** Sub-range that dynamic addresses come from (`--ip-range`); needs `subnet`, must lie inside it. */
  ipRange?: string;
  /** Gateway to reserve (`--gateway`); must lie inside `subnet`, may be outside `ipRange`. */
  gateway?: string;
  /**
   * Serial (next-fit, wrapping) instead of lowest-free dynamic allocation.
   * @default true for `global` (swarm sets `ipam.serial=true`), false for `local`
   */
  serial?: boolean;
  /** Prefix length of the predefined subnet to pick when `subnet` is omitted. @default each pool's `size` */
  prefixLength?: number;
  /**
   * CIDRs the predefined choice must avoid (the engine passes host on-link routes and nameservers for
   * local networks, nothing for overlays). Ignored for explicit subnets. @default []
   */
  exclude?: readonly string[];
}

/** A pool handed out by `Ipam.requestPool` (what `docker network inspect` shows under IPAM.Config). */
export interface IpamPool {
  /** Docker-style pool id: `LocalDefault/172.17.0.0/16`, plus `/<ipRange>` when one was given. */
  readonly id: string;
  /** Address space the pool lives in. */
  readonly scope: IpamScope;
  /** Canonical subnet, e.g. `'172.17.0.0/16'`. */
  readonly subnet: string;
  /** Reserved gateway address (dotted quad, no prefix length). */
  readonly gateway: string;
  /** Dynamic-allocation range, when one was requested. */
  readonly ipRange?: string;
  /** True when dynamic addresses are handed out serially. */
  readonly serial: boolean;
}

/** Options of `Ipam.requestAddress`. */
export interface IpamAddressRequest {
  /** Static address to reserve (`--ip`); must lie inside the subnet, may be outside the ip-range. */
  ip?: string;
}

/** Usage of one pool, shaped like Docker's `network.SubnetStatus`. */
export interface IpamPoolStatus {
  /** Allocated addresses in the subnet, counting the reserved network and broadcast addresses as Docker does. */
  readonly ipsInUse: number;
  /** Free addresses left for dynamic allocation in the ip-range (or whole subnet). */
  readonly dynamicIpsAvailable: number;
}
