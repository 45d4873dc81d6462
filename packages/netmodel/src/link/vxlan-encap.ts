import { EPHEMERAL_PORTS } from '../socket/udp-layer.js';
import type { VxlanDf } from './vxlan-config.js';

const ETH_HLEN = 14;
const ETH_P_IP = 0x0800;
const ETH_P_IPV6 = 0x86dd;

function etherType(frame: Uint8Array): number {
  return (frame[12]! << 8) | frame[13]!;
}

/** Whether `frame` carries an IPv4 header we can read. */
function hasIpv4(frame: Uint8Array): boolean {
  return etherType(frame) === ETH_P_IP && frame.length >= ETH_HLEN + 20;
}

/**
 * The outer UDP source port of an encapsulated frame, as the kernel's `udp_flow_src_port` picks it: a hash of the
 * inner flow (addresses, protocol and, for TCP/UDP, ports; only the EtherType for non-IP frames, as the flow
 * dissector does), folded with `hash ^= hash << 16` and scaled into the local port range [32768, 60999) — so one flow
 * always leaves by one port and ECMP in the underlay can spread flows. Linux keys the hash with a boot-time
 * secret, so real port numbers differ per host; this one is unkeyed and therefore reproducible.
 */
export function flowSourcePort(frame: Uint8Array): number {
  let hash = mix(0x9e3779b9, etherType(frame));
  if (hasIpv4(frame)) {
    const ihl = (frame[ETH_HLEN]! & 0x0f) * 4;
    const protocol = frame[ETH_HLEN + 9]!;
    for (let i = ETH_HLEN + 12; i < ETH_HLEN + 20; i += 4) hash = mix(hash, readUint32(frame, i));
    hash = mix(hash, protocol);
    const fragment = ((frame[ETH_HLEN + 6]! & 0x1f) << 8) | frame[ETH_HLEN + 7]!;
    const l4 = ETH_HLEN + ihl;
    if ((protocol === 6 || protocol === 17) && fragment === 0 && frame.length >= l4 + 4) {
      hash = mix(hash, readUint32(frame, l4));
    }
  }
  hash = finalMix(hash);
  hash = (hash ^ (hash << 16)) >>> 0;
  const { min, max } = EPHEMERAL_PORTS;
  return Math.floor((hash * (max - min)) / 2 ** 32) + min;
}

/**
 * The outer TOS: `tos 0` (Docker's) plus the inner packet's ECN bits, a CE mark becoming ECT(0)
 * (`ip_tunnel_ecn_encap` → `INET_ECN_encapsulate`, RFC 6040).
 */
export function outerTos(frame: Uint8Array): number {
  if (!hasIpv4(frame)) return 0;
  const ecn = frame[ETH_HLEN + 1]! & 0x03;
  return ecn === 0x03 ? 0x02 : ecn;
}

/** The outer DF bit for `df` (`vxlan_xmit_one`): unset never, set always, inherit from the inner IPv4 DF or IPv6. */
export function outerDontFragment(df: VxlanDf, frame: Uint8Array): boolean {
  if (df === 'set') return true;
  if (df === 'unset') return false;
  if (etherType(frame) === ETH_P_IPV6) return true;
  return hasIpv4(frame) && (frame[ETH_HLEN + 6]! & 0x40) !== 0;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

// One round of MurmurHash3's 32-bit mixing: cheap, well spread, no state.
function mix(hash: number, word: number): number {
  let k = Math.imul(word >>> 0, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  const h = ((hash ^ k) << 13) | ((hash ^ k) >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) >>> 0;
}

// MurmurHash3's finaliser, so every input bit reaches the upper 16 bits the port is scaled from.
function finalMix(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
