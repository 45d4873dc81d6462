import { isValidIpv4, VXLAN_MAX_VNI, VXLAN_UDP_PORT } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';
import type { InterfaceOptions } from './net-interface.js';

/** How the outer IPv4 header's DF bit is chosen (`ip link add … type vxlan df unset|set|inherit`). */
export type VxlanDf = 'unset' | 'set' | 'inherit';

/**
 * Settings of a VXLAN device, as `ip link add NAME type vxlan id VNI …` takes them. Defaults are the Linux kernel's
 * for an attribute left out, which is how Docker's overlay driver (`ov_utils.go createVxlan`, through
 * vishvananda/netlink) creates `vxlan0` — except `port` and `mtu`, where Docker always passes a value.
 */
export interface VxlanOptions extends InterfaceOptions {
  /** VXLAN network identifier (`id`), 0–16777215; Docker's overlays use 4096 and up. */
  vni: number;
  /**
   * Outer source address (`local`). @default none — the underlay route's preferred source, as Docker leaves it
   * (it sets no SrcAddr, so `ip -d link` shows no `local`).
   */
  local?: string;
  /** UDP destination port (`dstport`). @default 4789 — IANA's and Docker's; the kernel alone would use 8472 */
  port?: number;
  /** Learn MAC → VTEP from received frames. @default true — kernel default, and Docker sets `Learning: true` */
  learning?: boolean;
  /** Answer ARP requests from the neighbour table instead of sending them (`proxy`). @default false — kernel; Docker sets it */
  proxy?: boolean;
  /** Count an L2 miss (no FDB entry for a unicast destination). @default false — kernel; Docker sets it */
  l2miss?: boolean;
  /** Count an L3 miss (no neighbour entry for a proxied ARP request). @default false — kernel; Docker sets it */
  l3miss?: boolean;
  /** Outer TTL, 1–255; 0 is `ttl auto`, the route's hop limit (net.ipv4.ip_default_ttl 64). @default 0 */
  ttl?: number;
  /** Outer DF bit. @default 'unset' — VXLAN_DF_UNSET: the outer packet may be fragmented */
  df?: VxlanDf;
  /** Compute the outer UDP checksum (`[no]udpcsum`). @default true — no VXLAN_F_UDP_ZERO_CSUM_TX unless asked */
  udpChecksum?: boolean;
  /** Learned FDB entries expire after this long unused, in seconds (`ageing`). @default 300 — FDB_AGE_DEFAULT */
  ageingSeconds?: number;
  /** Hand a frame for a local VTEP straight to the local device of that VNI (`[no]localbypass`). @default true */
  localBypass?: boolean;
  /** @default 1450 — Docker passes 1500 − 50 (`overlay.go vxlanEncap`); the kernel alone keeps 1500 */
  mtu?: number;
}

/** {@link VxlanOptions} with every default applied. */
export type VxlanConfig = Required<Omit<VxlanOptions, 'local' | 'mac' | 'mtu'>> & { local: string | undefined };

/** Where an invalid option came from, for the error. */
export interface OptionContext {
  namespace: string;
  interface: string;
}

/** Validates `options` as the kernel's `vxlan_validate`/`vxlan_nl2conf` do, and applies the defaults. */
export function resolveVxlanConfig(options: VxlanOptions, ctx: OptionContext): VxlanConfig {
  const { vni } = options;
  if (!Number.isInteger(vni) || vni < 0 || vni > VXLAN_MAX_VNI) {
    throw new NetmodelError({ code: 'NETMODEL_ERR_BAD_VNI', ...ctx, vni }, `VXLAN ID must be lower than 16777216`);
  }
  if (options.local !== undefined && !isValidIpv4(options.local)) {
    throw new NetmodelError({ code: 'NETMODEL_ERR_BAD_ADDRESS', ...ctx, address: options.local }, 'bad local address');
  }
  const config: VxlanConfig = {
    vni,
    local: options.local,
    port: options.port ?? VXLAN_UDP_PORT,
    learning: options.learning ?? true,
    proxy: options.proxy ?? false,
    l2miss: options.l2miss ?? false,
    l3miss: options.l3miss ?? false,
    ttl: options.ttl ?? 0,
    df: options.df ?? 'unset',
    udpChecksum: options.udpChecksum ?? true,
    ageingSeconds: options.ageingSeconds ?? 300,
    localBypass: options.localBypass ?? true
  };
  checkRange('port', config.port, 1, 0xffff, ctx);
  checkRange('ttl', config.ttl, 0, 255, ctx);
  checkRange('ageingSeconds', config.ageingSeconds, 1, 0xffffffff, ctx);
  // The kernel's MTU range for a VXLAN device: ETH_MIN_MTU 68 to ETH_MAX_MTU 65535.
  if (options.mtu !== undefined) checkRange('mtu', options.mtu, 68, 0xffff, ctx);
  return config;
}

function checkRange(option: string, value: number, min: number, max: number, ctx: OptionContext): void {
  if (Number.isInteger(value) && value >= min && value <= max) return;
  throw new NetmodelError(
    { code: 'NETMODEL_ERR_BAD_LINK_OPTION', ...ctx, option },
    `${option} ${value} is outside ${min}–${max}`
  );
}
