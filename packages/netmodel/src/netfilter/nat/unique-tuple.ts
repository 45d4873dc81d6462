import { IpProtocol, ipv4ToUint32, uint32ToIpv4 } from '@swarmsim/packet';
import type { Connection, NatManip } from '../conntrack/connection.js';
import type { Conntrack } from '../conntrack/conntrack.js';
import { mustInvert, type Tuple } from '../conntrack/tuple.js';
import type { NatRange } from './nat-range.js';

/** What the tuple search needs: the table (to test for clashes) and an optional seeded RNG. */
export interface UniqueTupleDeps {
  readonly conntrack: Conntrack;
  readonly random: (() => number) | undefined;
}

// NF_NAT_MAX_ATTEMPTS: the kernel gives up scanning a port range after this many tries per round.
const MAX_ATTEMPTS = 128;

function randomAll(r: NatRange): boolean {
  return r.random === true || r.randomFully === true;
}

function hasPorts(r: NatRange): boolean {
  return r.minPort !== undefined && r.maxPort !== undefined;
}

/** nf_nat_used_tuple: would mapping to `t` give a reply tuple another connection already has? */
function used(t: Tuple, conn: Connection, deps: UniqueTupleDeps): boolean {
  return deps.conntrack.isTaken(mustInvert(t), conn);
}

/** The field NAT rewrites: the ICMP id for ICMP, else the source or destination port. */
function keyOf(t: Tuple, manip: NatManip): number {
  return t.protocol === IpProtocol.ICMP || manip === 'src' ? t.srcPort : t.dstPort;
}

function withKey(t: Tuple, manip: NatManip, key: number): Tuple {
  return t.protocol === IpProtocol.ICMP || manip === 'src' ? { ...t, srcPort: key } : { ...t, dstPort: key };
}

function hasL4Key(t: Tuple): boolean {
  return t.protocol === IpProtocol.TCP || t.protocol === IpProtocol.UDP || t.protocol === IpProtocol.ICMP;
}

/** nf_in_range for a source mapping: address (and port, when given) already inside the range. */
function sourceInRange(t: Tuple, r: NatRange): boolean {
  if (r.minIp !== undefined) {
    const ip = ipv4ToUint32(t.src);
    if (ip < r.minIp || ip > r.maxIp!) return false;
  }
  return !hasPorts(r) || l4InRange(t, 'src', r);
}

function l4InRange(t: Tuple, manip: NatManip, r: NatRange): boolean {
  if (!hasL4Key(t)) return true;
  const key = keyOf(t, manip);
  return key >= r.minPort! && key <= r.maxPort!;
}

/** find_appropriate_src: reuse the mapping an earlier connection from the same source got (same IP:port out). */
function existingSourceMapping(orig: Tuple, r: NatRange, deps: UniqueTupleDeps): Tuple | undefined {
  for (const other of deps.conntrack.sameSource(orig)) {
    const mapped = mustInvert(other.reply);
    const candidate = { ...orig, src: mapped.src, srcPort: mapped.srcPort };
    if (sourceInRange(candidate, r)) return candidate;
  }
  return undefined;
}

/** find_best_ips_proto: one address of the range, chosen by a hash of the addresses (stable per client). */
function pickAddress(t: Tuple, r: NatRange, manip: NatManip): Tuple {
  if (r.minIp === undefined) return t;
  let ip = r.minIp;
  const size = r.maxIp! - r.minIp + 1;
  if (size > 1) {
    const seed = `${t.src}|${r.persistent === true ? '' : t.dst}`;
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
    ip = r.minIp + (h % size);
  }
  return manip === 'src' ? { ...t, src: uint32ToIpv4(ip) } : { ...t, dst: uint32ToIpv4(ip) };
}

/**
 * get_unique_tuple: the tuple (in the original direction) a new connection is mapped to, such that its reply
 * tuple clashes with no other connection. Keeps the source port when it can, as Linux does.
 */
export function uniqueTuple(orig: Tuple, r: NatRange, manip: NatManip, conn: Connection, deps: UniqueTupleDeps): Tuple {
  if (manip === 'src' && !randomAll(r)) {
    if (sourceInRange(orig, r)) {
      if (!used(orig, conn, deps)) return orig;
    } else {
      const existing = existingSourceMapping(orig, r, deps);
      if (existing !== undefined && !used(existing, conn, deps)) return existing;
    }
  }
  const t = pickAddress(orig, r, manip);
  if (!randomAll(r)) {
    if (hasPorts(r)) {
      if (l4InRange(t, manip, r) && (r.minPort === r.maxPort || !used(t, conn, deps))) return t;
    } else if (!used(t, conn, deps)) {
      return t;
    }
  }
  return uniqueL4(t, r, manip, conn, deps);
}

/** The port (or ICMP id) window to search: the given range, else Linux's defaults by port class. */
function searchWindow(t: Tuple, r: NatRange, manip: NatManip): { min: number; size: number } | undefined {
  if (hasPorts(r)) return { min: r.minPort!, size: r.maxPort! - r.minPort! + 1 };
  if (t.protocol === IpProtocol.ICMP) return { min: 0, size: 65536 };
  // A destination port is never changed unless a range asks for it.
  if (manip === 'dst') return undefined;
  const port = keyOf(t, manip);
  if (port < 512) return { min: 1, size: 511 };
  if (port < 1024) return { min: 600, size: 424 };
  return { min: 1024, size: 65536 - 1024 };
}

/** nf_nat_l4proto_unique_tuple: scan the window from an (optionally random) offset for a free port. */
function uniqueL4(t: Tuple, r: NatRange, manip: NatManip, conn: Connection, deps: UniqueTupleDeps): Tuple {
  if (!hasL4Key(t)) return t;
  const window = searchWindow(t, r, manip);
  if (window === undefined) return t;
  const rand = (): number => (deps.random === undefined ? 0 : Math.floor(deps.random() * 65536));
  let off = randomAll(r) || manip !== 'dst' ? rand() : 0;
  let attempts = Math.min(window.size, MAX_ATTEMPTS);
  let candidate = t;
  for (;;) {
    for (let i = 0; i < attempts; i++, off++) {
      candidate = withKey(t, manip, window.min + (off % window.size));
      if (!used(candidate, conn, deps)) return candidate;
    }
    if (attempts >= window.size || attempts < 16) return candidate;
    attempts = Math.floor(attempts / 2);
    off = rand();
  }
}
