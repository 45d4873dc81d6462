import type { NetworkEvent } from '../wire/messages.js';

interface NetworkRecord {
  ltime: number;
  leaving: boolean;
  /** Virtual time the record was written (a leave is reaped a while after it). */
  at: number;
}

/**
 * Which node is on which network (NetworkDB `networks` / `networkNodes`), each record ordered by the
 * network Lamport clock; a leave is kept as a record so a stale join cannot resurrect the membership.
 */
export class NetworkRegistry {
  private readonly byNode = new Map<string, Map<string, NetworkRecord>>();

  /** Applies a join/leave (seen at virtual time `now`) if newer than what we hold; returns whether it changed anything. */
  apply(e: NetworkEvent, now: number): boolean {
    let records = this.byNode.get(e.node);
    const current = records?.get(e.network);
    if (current !== undefined && current.ltime >= e.ltime) return false;
    // A leave for a membership we never saw carries no information (NetworkDB handleNetworkEvent).
    if (current === undefined && e.kind === 'leave') return false;
    if (records === undefined) {
      records = new Map();
      this.byNode.set(e.node, records);
    }
    records.set(e.network, { ltime: e.ltime, leaving: e.kind === 'leave', at: now });
    return true;
  }

  /** Whether `node` is currently on `network`. */
  has(node: string, network: string): boolean {
    const r = this.byNode.get(node)?.get(network);
    return r !== undefined && !r.leaving;
  }

  /** Nodes currently on `network`, in first-heard order. */
  nodesOf(network: string): string[] {
    const out: string[] = [];
    for (const [node, records] of this.byNode) if (this.isOn(records, network)) out.push(node);
    return out;
  }

  /** Networks `node` is currently on. */
  networksOf(node: string): string[] {
    const records = this.byNode.get(node);
    if (records === undefined) return [];
    return [...records].filter(([, r]) => !r.leaving).map(([network]) => network);
  }

  /** Forgets every record of a failed node (NetworkDB deleteNodeFromNetworks); returns its networks. */
  removeNode(node: string): string[] {
    const networks = this.networksOf(node);
    this.byNode.delete(node);
    return networks;
  }

  /** Forgets leave records older than `ttlMs` (NetworkDB reaps them after 30 min + 5 reap cycles). */
  reap(now: number, ttlMs: number): void {
    for (const [node, records] of this.byNode) {
      for (const [network, r] of records) if (r.leaving && now - r.at >= ttlMs) records.delete(network);
      if (records.size === 0) this.byNode.delete(node);
    }
  }

  /** All records as events, for push-pull. */
  events(): NetworkEvent[] {
    const out: NetworkEvent[] = [];
    for (const [node, records] of this.byNode) {
      for (const [network, r] of records)
        out.push({ kind: r.leaving ? 'leave' : 'join', node, network, ltime: r.ltime });
    }
    return out;
  }

  private isOn(records: Map<string, NetworkRecord>, network: string): boolean {
    const r = records.get(network);
    return r !== undefined && !r.leaving;
  }
}
