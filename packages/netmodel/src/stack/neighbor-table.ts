import type { Clock, TimerHandle } from '@swarmsim/interface';
import { BROADCAST_MAC, ZERO_MAC, type ArpPacket } from '@swarmsim/packet';
import type { NetInterface } from '../link/net-interface.js';

/** Neighbour states, as `ip neigh` prints them (DELAY/PROBE are folded into STALE here). */
export type NeighborState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'FAILED' | 'PERMANENT';

/** One neighbour (ARP cache) entry. */
export interface NeighborEntry {
  ip: string;
  dev: NetInterface;
  mac: string | undefined;
  state: NeighborState;
  updatedAt: number;
}

/** Timers and limits of address resolution, Linux's defaults. */
export interface NeighborOptions {
  /** Between ARP requests for an unresolved address. @default 1000 — net.ipv4.neigh.*.retrans_time_ms */
  retransMs?: number;
  /** ARP requests before giving up. @default 3 — net.ipv4.neigh.*.mcast_solicit */
  maxProbes?: number;
  /** A confirmed entry turns STALE after this long. @default 30000 — base_reachable_time_ms */
  reachableMs?: number;
  /** Packets held per unresolved neighbour. @default 101 — Linux's historical unres_qlen */
  maxQueued?: number;
}

/** What the table needs from its namespace. */
export interface NeighborHost {
  clock: Clock;
  /** Sends an ARP packet out of `dev` to `dstMac`. */
  sendArp(dev: NetInterface, arp: ArpPacket, dstMac: string): void;
  /** Sends an already encoded IPv4 packet out of `dev` to `dstMac`. */
  sendIpv4(dev: NetInterface, dstMac: string, packet: Uint8Array): void;
  /** Is `ip` one of this namespace's addresses (arp_ignore=0: any interface may answer). */
  isLocalAddress(ip: string): boolean;
}

interface Pending {
  packet: Uint8Array;
  onFail: () => void;
}

interface Slot extends NeighborEntry {
  queue: Pending[];
  probes: number;
  timer: TimerHandle | undefined;
}

/** The ARP cache of one namespace: resolves next hops with real ARP frames and holds packets meanwhile. */
export class NeighborTable {
  private readonly slots = new Map<string, Slot>();
  private readonly retransMs: number;
  private readonly maxProbes: number;
  private readonly reachableMs: number;
  private readonly maxQueued: number;

  constructor(
    private readonly host: NeighborHost,
    options: NeighborOptions = {}
  ) {
    this.retransMs = options.retransMs ?? 1000;
    this.maxProbes = options.maxProbes ?? 3;
    this.reachableMs = options.reachableMs ?? 30_000;
    this.maxQueued = options.maxQueued ?? 101;
  }

  /** Sends `packet` to `nextHop` on `dev` once its MAC is known; `onFail` runs if resolution fails. */
  send(dev: NetInterface, nextHop: string, packet: Uint8Array, onFail: () => void): void {
    const slot = this.slots.get(key(dev, nextHop));
    if (slot !== undefined && slot.mac !== undefined && slot.state !== 'FAILED' && slot.state !== 'INCOMPLETE') {
      this.host.sendIpv4(dev, slot.mac, packet);
      return;
    }
    const s = slot ?? this.newSlot(dev, nextHop);
    if (s.queue.length >= this.maxQueued) {
      dev.counters.txDropped++;
      return;
    }
    s.queue.push({ packet, onFail });
    if (s.state !== 'INCOMPLETE') this.startProbing(s);
  }

  /** Handles an incoming ARP packet on `dev`; answers requests for local addresses. */
  handleArp(dev: NetInterface, arp: ArpPacket): void {
    const forUs = this.host.isLocalAddress(arp.targetIp);
    const slot = this.slots.get(key(dev, arp.senderIp));
    // Linux (arp_process): a reply confirms the neighbour (REACHABLE); a request only tells us its MAC, so
    // the entry becomes STALE (queued packets go out) unless nothing changed; one is created when a request targets us.
    if (slot !== undefined && arp.operation === 2) this.confirm(slot, arp.senderMac);
    else if (slot !== undefined) this.refresh(slot, arp.senderMac);
    else if (forUs && arp.operation === 1 && arp.senderIp !== '0.0.0.0')
      this.createStale(dev, arp.senderIp, arp.senderMac);
    if (arp.operation !== 1 || !forUs) return;
    const reply: ArpPacket = {
      operation: 2,
      senderMac: dev.mac,
      senderIp: arp.targetIp,
      targetMac: arp.senderMac,
      targetIp: arp.senderIp
    };
    this.host.sendArp(dev, reply, arp.senderMac);
  }

  /** Adds a permanent entry (`ip neigh add IP lladdr MAC dev DEV nud permanent`). */
  addPermanent(dev: NetInterface, ip: string, mac: string): void {
    const s = this.slots.get(key(dev, ip)) ?? this.newSlot(dev, ip);
    s.mac = mac.toLowerCase();
    s.state = 'PERMANENT';
    s.updatedAt = this.host.clock.now();
    this.flush(s);
  }

  /** The entry for `ip` on `dev` with its state as of now (`ip neigh get IP dev DEV`). */
  lookup(dev: NetInterface, ip: string): NeighborEntry | undefined {
    const s = this.slots.get(key(dev, ip));
    return s === undefined ? undefined : this.toEntry(s);
  }

  /** Deletes an entry (`ip neigh del`). */
  delete(dev: NetInterface, ip: string): boolean {
    const s = this.slots.get(key(dev, ip));
    s?.timer?.clear();
    return this.slots.delete(key(dev, ip));
  }

  /** Forgets every entry of an interface (it went away). */
  forgetInterface(dev: NetInterface): void {
    for (const [k, s] of this.slots) {
      if (s.dev !== dev) continue;
      s.timer?.clear();
      this.slots.delete(k);
    }
  }

  /** Current entries with states as of now. */
  entries(): NeighborEntry[] {
    return [...this.slots.values()].map((s) => this.toEntry(s));
  }

  private toEntry(s: Slot): NeighborEntry {
    return { ip: s.ip, dev: s.dev, mac: s.mac, state: this.stateNow(s), updatedAt: s.updatedAt };
  }

  private stateNow(s: Slot): NeighborState {
    if (s.state === 'REACHABLE' && this.host.clock.now() - s.updatedAt > this.reachableMs) s.state = 'STALE';
    return s.state;
  }

  private newSlot(dev: NetInterface, ip: string): Slot {
    const s: Slot = {
      ip,
      dev,
      mac: undefined,
      state: 'FAILED',
      updatedAt: this.host.clock.now(),
      queue: [],
      probes: 0,
      timer: undefined
    };
    this.slots.set(key(dev, ip), s);
    return s;
  }

  private createStale(dev: NetInterface, ip: string, mac: string): void {
    const s = this.newSlot(dev, ip);
    s.mac = mac;
    s.state = 'STALE';
  }

  private confirm(s: Slot, mac: string): void {
    if (s.state === 'PERMANENT') return;
    s.mac = mac;
    s.state = 'REACHABLE';
    s.updatedAt = this.host.clock.now();
    s.timer?.clear();
    s.timer = undefined;
    this.flush(s);
  }

  private refresh(s: Slot, mac: string): void {
    if (s.state === 'PERMANENT') return;
    if (s.mac === mac && (s.state === 'REACHABLE' || s.state === 'STALE')) return;
    s.mac = mac;
    s.state = 'STALE';
    s.updatedAt = this.host.clock.now();
    s.timer?.clear();
    s.timer = undefined;
    this.flush(s);
  }

  private flush(s: Slot): void {
    const queue = s.queue.splice(0);
    for (const p of queue) this.host.sendIpv4(s.dev, s.mac!, p.packet);
  }

  private startProbing(s: Slot): void {
    s.state = 'INCOMPLETE';
    s.mac = undefined;
    s.probes = 0;
    this.probe(s);
  }

  private probe(s: Slot): void {
    if (s.probes >= this.maxProbes) {
      s.state = 'FAILED';
      s.timer = undefined;
      s.updatedAt = this.host.clock.now();
      for (const p of s.queue.splice(0)) p.onFail();
      return;
    }
    s.probes++;
    // Armed before sending: on zero-latency links the reply (and confirm(), which clears it) comes back inside sendArp.
    s.timer = this.host.clock.setTimeout(() => {
      if (s.state === 'INCOMPLETE') this.probe(s);
    }, this.retransMs);
    const src = s.dev.primaryAddress() ?? '0.0.0.0';
    this.host.sendArp(
      s.dev,
      { operation: 1, senderMac: s.dev.mac, senderIp: src, targetMac: ZERO_MAC, targetIp: s.ip },
      BROADCAST_MAC
    );
  }
}

function key(dev: NetInterface, ip: string): string {
  return `${dev.ifIndex}|${ip}`;
}
