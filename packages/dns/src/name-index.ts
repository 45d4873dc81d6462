/**
 * A multiset of name → address, reference-counted so a record shared by several holders (a service VIP
 * contributed by every task, an alias held by two containers) stays until its last holder leaves.
 */
export class NameIndex {
  private readonly names = new Map<string, Map<string, number>>();

  /** Adds one reference of `name → ip`. */
  add(name: string, ip: string): void {
    let ips = this.names.get(name);
    if (ips === undefined) {
      ips = new Map();
      this.names.set(name, ips);
    }
    ips.set(ip, (ips.get(ip) ?? 0) + 1);
  }

  /** Drops one reference of `name → ip`; the pair disappears with its last reference. */
  remove(name: string, ip: string): void {
    const ips = this.names.get(name);
    const refs = ips?.get(ip);
    if (ips === undefined || refs === undefined) return;
    if (refs > 1) ips.set(ip, refs - 1);
    else ips.delete(ip);
    if (ips.size === 0) this.names.delete(name);
  }

  /** Distinct addresses of `name` in first-added order (empty when unknown). */
  get(name: string): string[] {
    const ips = this.names.get(name);
    return ips === undefined ? [] : [...ips.keys()];
  }

  /** Number of distinct names held. */
  get size(): number {
    return this.names.size;
  }
}
