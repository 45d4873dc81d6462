/** One remote endpoint of an overlay network, as an `overlay_peer_table` record carries it. */
export interface OverlayPeer {
  /** The endpoint's overlay address, e.g. `10.0.1.4`. */
  ip: string;
  /** Its MAC, `02:42:` + IP for Docker's endpoints. */
  mac: string;
  /** The underlay address of the node it lives on (the VXLAN tunnel endpoint). */
  vtep: string;
}

/** What a change to the peer database asks of the kernel tables. */
export interface PeerDbChange {
  /** The neighbour entry to program for the IP now (the first record for it), if any. */
  activate?: OverlayPeer;
  /** The neighbour entry to remove for the IP, if the active record was the one deleted. */
  deactivate?: OverlayPeer;
  /** FDB `mac dst vtep` entries whose reference count went 0 → 1 (add) or 1 → 0 (delete). */
  fdbAdd?: OverlayPeer;
  fdbDelete?: OverlayPeer;
}

/**
 * The overlay driver's peer database (`peerdb.go`): every remote peer per IP, kept even while the network's
 * sandbox does not exist so that it can be replayed into a fresh one (`initSandboxPeerDB`). Two records may
 * transiently share an IP: the first one stays programmed, and when it goes the next one is restored. FDB entries
 * are reference-counted per (VTEP, MAC), as `fdbCnt` does.
 */
export class PeerDb {
  private readonly byIp = new Map<string, OverlayPeer[]>();
  private readonly fdbRefs = new Map<string, number>();

  /** Records a peer; false when the same record is already there (peerdb logs "entry already present"). */
  add(peer: OverlayPeer): PeerDbChange | undefined {
    const list = this.byIp.get(peer.ip) ?? [];
    if (list.some((p) => samePeer(p, peer))) return undefined;
    list.push(peer);
    this.byIp.set(peer.ip, list);
    // Only the first record of an IP is in the kernel; a transient duplicate waits for it to go.
    if (list.length > 1) return {};
    return { activate: peer, ...(this.ref(peer, 1) === 1 && { fdbAdd: peer }) };
  }

  /** Forgets a peer; undefined when it was not recorded. */
  delete(peer: OverlayPeer): PeerDbChange | undefined {
    const list = this.byIp.get(peer.ip);
    const i = list?.findIndex((p) => samePeer(p, peer)) ?? -1;
    if (list === undefined || i < 0) return undefined;
    list.splice(i, 1);
    if (list.length === 0) this.byIp.delete(peer.ip);
    if (i > 0) return {};
    const change: PeerDbChange = { deactivate: peer, ...(this.ref(peer, -1) === 0 && { fdbDelete: peer }) };
    const next = list[0];
    if (next === undefined) return change;
    return { ...change, activate: next, ...(this.ref(next, 1) === 1 && { fdbAdd: next }) };
  }

  /** The programmed (first) record of every IP, for a new sandbox. */
  active(): OverlayPeer[] {
    return [...this.byIp.values()].map((list) => list[0]!);
  }

  private ref(peer: OverlayPeer, delta: number): number {
    const k = `${peer.vtep}/${peer.mac}`;
    const n = (this.fdbRefs.get(k) ?? 0) + delta;
    if (n === 0) this.fdbRefs.delete(k);
    else this.fdbRefs.set(k, n);
    return n;
  }
}

function samePeer(a: OverlayPeer, b: OverlayPeer): boolean {
  return a.ip === b.ip && a.mac === b.mac && a.vtep === b.vtep;
}
