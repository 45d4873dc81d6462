import { decodeArp, encodeArp, encodeEthernet, EtherType, type ArpPacket } from '@swarmsim/packet';
import type { NeighborState } from '../stack/neighbor-table.js';
import type { NetInterface } from './net-interface.js';

/** What proxy ARP made of a frame: the reply to inject, or why there is none. */
export type ProxyArpResult = Uint8Array | 'malformed' | 'miss' | 'ignored';

// NUD_CONNECTED = PERMANENT | NOARP | REACHABLE: only a confirmed neighbour is answered for.
const CONNECTED: ReadonlySet<NeighborState> = new Set(['PERMANENT', 'REACHABLE']);

/**
 * The kernel's `arp_reduce` for a VXLAN device with `proxy`: an ARP request is answered from the neighbour
 * table entries of `dev` itself (Docker's `ip neigh add IP lladdr MAC dev vxlan0 nud permanent` per remote peer)
 * and never sent over the tunnel. Anything else is consumed; `isBridgeLocal(mac)` tells a MAC whose FDB entry
 * has no remote (left for the bridge to answer).
 */
export function proxyArpReply(
  dev: NetInterface,
  frame: Uint8Array,
  isBridgeLocal: (mac: string) => boolean
): ProxyArpResult {
  let arp: ArpPacket;
  try {
    arp = decodeArp(frame.subarray(14));
  } catch {
    return 'malformed';
  }
  const first = Number(arp.targetIp.split('.')[0]);
  if (arp.operation !== 1 || first === 127 || (first >= 224 && first <= 239)) return 'ignored';
  const neighbor = dev.namespace.neighbors.lookup(dev, arp.targetIp);
  if (neighbor === undefined) return 'miss';
  if (!CONNECTED.has(neighbor.state) || neighbor.mac === undefined || isBridgeLocal(neighbor.mac)) return 'ignored';
  // arp_create(ARPOP_REPLY, …, dest_ip = sip, dev, src_ip = tip, dest_hw = sha, src_hw = n->ha, target_hw = sha).
  const reply = encodeArp({
    operation: 2,
    senderMac: neighbor.mac,
    senderIp: arp.targetIp,
    targetMac: arp.senderMac,
    targetIp: arp.senderIp
  });
  return encodeEthernet({ dst: arp.senderMac, src: neighbor.mac, etherType: EtherType.ARP, payload: reply });
}
