import { ipv4ToUint32 } from '@swarmsim/packet';
import { badRule } from '../errors.js';
import type { MatchModule } from '../rules/modules.js';
import type { NetfilterEnv } from '../types.js';
import { once, single } from './values.js';

/** Route types of xt_addrtype, in RTN_* order (bit i of a mask is type i). */
const RTN_NAMES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE'
] as const;

/** One of `--src-type` / `--dst-type`: a mask of route types. */
export interface AddrTypeSpec {
  readonly mask: number;
  readonly invert: boolean;
}

/** Parsed `-m addrtype` options. */
export interface AddrTypeState {
  readonly src?: AddrTypeSpec;
  readonly dst?: AddrTypeSpec;
}

function parseTypes(text: string, invert: boolean): AddrTypeSpec {
  let mask = 0;
  for (const name of text.split(',')) {
    const i = RTN_NAMES.indexOf(name.toUpperCase() as (typeof RTN_NAMES)[number]);
    if (i < 0) throw badRule(text, `addrtype: bad type \`${name}'`);
    mask |= 1 << i;
  }
  return { mask, invert };
}

function typeNames(mask: number): string {
  return RTN_NAMES.filter((_, i) => (mask & (1 << i)) !== 0).join(',');
}

/**
 * inet_addr_type as far as a namespace knows it: multicast, 0/8 and 255.255.255.255 are BROADCAST-class,
 * its own addresses (127/8 included) LOCAL, everything else UNICAST. Subnet-directed broadcasts and
 * blackhole/unreachable routes are not modelled.
 */
function addressType(ip: string, env: NetfilterEnv): number {
  const n = ipv4ToUint32(ip);
  if (n >>> 28 === 0xe) return RTN_NAMES.indexOf('MULTICAST');
  if (n >>> 24 === 0 || n === 0xffffffff) return RTN_NAMES.indexOf('BROADCAST');
  return RTN_NAMES.indexOf(env.isLocalAddress(ip) ? 'LOCAL' : 'UNICAST');
}

function typeMatches(spec: AddrTypeSpec | undefined, ip: string, env: NetfilterEnv): boolean {
  if (spec === undefined) return true;
  return ((spec.mask & (1 << addressType(ip, env))) !== 0) !== spec.invert;
}

function printSpec(label: string, spec: AddrTypeSpec | undefined): string {
  return spec === undefined ? '' : ` ${label} ${spec.invert ? '!' : ''}${typeNames(spec.mask)}`;
}

function saveSpec(option: string, spec: AddrTypeSpec | undefined): string {
  return spec === undefined ? '' : `${spec.invert ? ' !' : ''} --${option} ${typeNames(spec.mask)}`;
}

/** `-m addrtype --src-type/--dst-type TYPE[,TYPE…]`: Docker's `--dst-type LOCAL` jump to DOCKER. */
export const addrtypeMatch: MatchModule<AddrTypeState> = {
  name: 'addrtype',
  options: { 'src-type': 1, 'dst-type': 1 },
  parse(state, option, values, invert) {
    const s = state ?? {};
    const spec = parseTypes(single(values), invert);
    if (option === 'src-type') {
      once(s.src, option);
      return { ...s, src: spec };
    }
    once(s.dst, option);
    return { ...s, dst: spec };
  },
  finish(state) {
    if (state === undefined) throw badRule('addrtype', 'addrtype: you must specify --src-type or --dst-type');
    return state;
  },
  match: (s, pkt, ctx) => typeMatches(s.src, pkt.ip.src, ctx.env) && typeMatches(s.dst, pkt.ip.dst, ctx.env),
  print: (s) => ` ADDRTYPE match${printSpec('src-type', s.src)}${printSpec('dst-type', s.dst)}`,
  save: (s) => `${saveSpec('src-type', s.src)}${saveSpec('dst-type', s.dst)}`
};
