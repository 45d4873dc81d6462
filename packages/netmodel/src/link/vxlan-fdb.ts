/** One entry of a VXLAN device's own forwarding table, as `bridge fdb show dev vxlan0` lists it (`… dst VTEP self`). */
export interface VxlanFdbEntry {
  /** Inner destination MAC; `00:00:00:00:00:00` is the default entry for every MAC without one of its own. */
  mac: string;
  /** The remote VTEP the MAC lives behind; `0.0.0.0` marks a "bridge-local" entry, never encapsulated. */
  dst: string;
  /** Added by hand (`bridge fdb add … permanent`, as Docker programs peers): never aged, never moved by learning. */
  permanent: boolean;
  /** When a transmitted frame last used the entry; learned entries age from here. */
  usedAt: number;
  /** When the entry was created or last changed. */
  updatedAt: number;
}

/** What learning a source MAC did (the kernel's `vxlan_snoop`). */
export type SnoopResult = 'known' | 'learned' | 'migrated' | 'entry-exists';

/** A VXLAN device's FDB: MAC → remote VTEP, with learning and ageing as the kernel's vxlan driver keeps it. */
export class VxlanFdb {
  private readonly table = new Map<string, VxlanFdbEntry>();

  constructor(
    private readonly now: () => number,
    private readonly ageingMs: number
  ) {}

  /** Whether `mac` has an entry (aged entries removed first). */
  has(mac: string): boolean {
    return this.find(mac) !== undefined;
  }

  /** Sets a permanent entry, replacing any entry for the MAC. */
  set(mac: string, dst: string): void {
    const now = this.now();
    this.table.set(mac, { mac, dst, permanent: true, usedAt: now, updatedAt: now });
  }

  /** Deletes the entry of `mac`. */
  delete(mac: string): boolean {
    return this.table.delete(mac);
  }

  /** Current entries, aged ones removed. */
  entries(): VxlanFdbEntry[] {
    for (const e of [...this.table.values()]) this.expireIfStale(e);
    return [...this.table.values()];
  }

  /** The entry a frame to `mac` is sent by (`vxlan_find_mac`: marks it used). */
  lookup(mac: string): VxlanFdbEntry | undefined {
    const e = this.find(mac);
    if (e !== undefined) e.usedAt = this.now();
    return e;
  }

  /** The entry of `mac` without marking it used. */
  find(mac: string): VxlanFdbEntry | undefined {
    const e = this.table.get(mac);
    if (e === undefined || this.expireIfStale(e)) return undefined;
    return e;
  }

  /** Learns that `mac` lives behind `vtep` from a received frame (the kernel's `vxlan_snoop`). */
  snoop(mac: string, vtep: string): SnoopResult {
    const e = this.find(mac);
    const now = this.now();
    if (e === undefined) {
      this.table.set(mac, { mac, dst: vtep, permanent: false, usedAt: now, updatedAt: now });
      return 'learned';
    }
    if (e.dst === vtep) return 'known';
    // "Don't migrate static entries, drop packets": a frame claiming a permanent MAC from elsewhere is dropped.
    if (e.permanent) return 'entry-exists';
    e.dst = vtep;
    e.updatedAt = now;
    return 'migrated';
  }

  // vxlan_cleanup: a learned entry goes once `used + ageing` has passed; permanent ones never.
  private expireIfStale(e: VxlanFdbEntry): boolean {
    if (e.permanent || this.now() < e.usedAt + this.ageingMs) return false;
    this.table.delete(e.mac);
    return true;
  }
}
