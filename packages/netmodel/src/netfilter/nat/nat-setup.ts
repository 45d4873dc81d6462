import { ipv4ToUint32 } from '@swarmsim/packet';
import type { Connection, NatManip } from '../conntrack/connection.js';
import { mustInvert, tupleEqual } from '../conntrack/tuple.js';
import type { NatRange } from './nat-range.js';
import { uniqueTuple, type UniqueTupleDeps } from './unique-tuple.js';

/**
 * nf_nat_setup_info: decides the mapping of a new connection for one manip type and records it as the reply
 * tuple (the packet itself is rewritten by {@link applyNat}). Sets IPS_SRC_NAT/IPS_DST_NAT only if the mapping
 * changes anything; either way that manip type is now decided and the nat table is not consulted again.
 */
export function setupNat(conn: Connection, manip: NatManip, range: NatRange, deps: UniqueTupleDeps): void {
  if (conn.natDone(manip)) return;
  // The connection as currently mapped, seen in the original direction (after an earlier DNAT, say).
  const current = mustInvert(conn.reply);
  const mapped = uniqueTuple(current, range, manip, conn, deps);
  if (!tupleEqual(mapped, current)) {
    deps.conntrack.setReply(conn, mustInvert(mapped));
    if (manip === 'src') conn.srcNat = true;
    else conn.dstNat = true;
  }
  if (manip === 'src') conn.srcNatDone = true;
  else conn.dstNatDone = true;
}

/**
 * nf_nat_alloc_null_binding: no nat rule matched, so map the connection onto itself — which still moves a
 * clashing source port out of the way (two containers using the same port towards one server, say).
 */
export function nullBinding(conn: Connection, manip: NatManip, deps: UniqueTupleDeps): void {
  const ip = ipv4ToUint32(manip === 'src' ? conn.reply.dst : conn.reply.src);
  setupNat(conn, manip, { minIp: ip, maxIp: ip }, deps);
}
