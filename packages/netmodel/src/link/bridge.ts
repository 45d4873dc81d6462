import { bytesToMac } from '@swarmsim/packet';
import { NetInterface, type InterfaceOptions } from './net-interface.js';

/** One forwarding database entry, as `bridge fdb show` lists it. */
export interface FdbEntry {
  mac: string;
  /** The port behind which the MAC lives; the bridge itself for its own MAC. */
  port: NetInterface;
  /** Added by hand (`bridge fdb add … static`): never aged, never moved by learning. */
  isStatic: boolean;
  /** The bridge's or a port's own MAC (`permanent`). */
  isLocal: boolean;
  updatedAt: number;
}

/** Bridge settings. */
export interface BridgeOptions extends InterfaceOptions {
  /** Learned entries expire after this long unseen. @default 300000 — Linux ageing_time 300 s */
  ageingMs?: number;
  /**
   * Pass bridged IPv4 through iptables (br_netfilter's bridge-nf-call-iptables). @default true —
   * Docker loads br_netfilter so its FORWARD rules (icc=false) also see container-to-container traffic.
   */
  nfCallIptables?: boolean;
}

/** A Linux-like learning bridge: MAC learning with ageing, static entries, flooding of unknown destinations. */
export class Bridge extends NetInterface {
  readonly kind = 'bridge' as const;
  readonly ports: NetInterface[] = [];
  ageingMs: number;
  nfCallIptables: boolean;
  private readonly fdb = new Map<string, FdbEntry>();

  constructor(
    name: string,
    namespace: NetInterface['namespace'],
    options: BridgeOptions & { ifIndex: number; mac: string }
  ) {
    super(name, namespace, options);
    this.ageingMs = options.ageingMs ?? 300_000;
    this.nfCallIptables = options.nfCallIptables ?? true;
    this.fdb.set(this.mac, { mac: this.mac, port: this, isStatic: false, isLocal: true, updatedAt: 0 });
  }

  /** Enslaves `port` (`ip link set vethX master docker0`). */
  addPort(port: NetInterface): void {
    if (port === this || this.ports.includes(port)) return;
    port.master?.removePort(port);
    port.master = this;
    this.ports.push(port);
    this.fdb.set(port.mac, { mac: port.mac, port, isStatic: false, isLocal: true, updatedAt: 0 });
  }

  /** Releases `port` and forgets every MAC learned behind it. */
  removePort(port: NetInterface): void {
    const i = this.ports.indexOf(port);
    if (i < 0) return;
    this.ports.splice(i, 1);
    port.master = undefined;
    for (const [mac, e] of this.fdb) if (e.port === port) this.fdb.delete(mac);
  }

  /** Adds a static entry (`bridge fdb add MAC dev PORT master static`). */
  addStaticEntry(mac: string, port: NetInterface): void {
    this.fdb.set(mac.toLowerCase(), {
      mac: mac.toLowerCase(),
      port,
      isStatic: true,
      isLocal: false,
      updatedAt: this.now()
    });
  }

  /** Removes an entry. */
  deleteEntry(mac: string): boolean {
    return this.fdb.delete(mac.toLowerCase());
  }

  /** Current entries, aged ones removed. */
  entries(): FdbEntry[] {
    this.expire();
    return [...this.fdb.values()];
  }

  /** The port a MAC was learned on, if it is known and fresh. */
  lookup(mac: string): NetInterface | undefined {
    const e = this.fdb.get(mac);
    if (e === undefined) return undefined;
    if (this.isExpired(e)) {
      this.fdb.delete(mac);
      return undefined;
    }
    return e.port;
  }

  /** A frame arriving on one of the ports. */
  receiveFromPort(ingress: NetInterface, frame: Uint8Array): void {
    if (frame.length < 14 || !this.up) {
      ingress.counters.rxDropped++;
      return;
    }
    this.learn(bytesToMac(frame, 6), ingress);
    const dst = bytesToMac(frame, 0);
    if (isGroupAddress(frame)) {
      this.flood(frame, ingress);
      this.deliverUp(frame);
      return;
    }
    const out = this.lookup(dst);
    if (out === this) this.deliverUp(frame);
    else if (out === undefined) this.flood(frame, ingress);
    else if (out !== ingress) this.forward(frame, ingress, out);
  }

  /** A frame the host sends through the bridge device: switched like any other. */
  protected emit(frame: Uint8Array): void {
    if (isGroupAddress(frame)) {
      this.flood(frame, this);
      return;
    }
    const out = this.lookup(bytesToMac(frame, 0));
    if (out === undefined || out === this) this.flood(frame, this);
    else out.transmit(frame);
  }

  // Frames for the host are received on the bridge device itself: its RX counters and taps see them.
  private deliverUp(frame: Uint8Array): void {
    this.counters.rxPackets++;
    this.counters.rxBytes += frame.length;
    this.tap?.(frame, 'rx');
    this.namespace.receiveFrame(this, frame);
  }

  private forward(frame: Uint8Array, ingress: NetInterface, out: NetInterface): void {
    const passed = this.bridgeFilter(frame, ingress, out);
    if (passed !== undefined) out.transmit(passed);
  }

  private flood(frame: Uint8Array, ingress: NetInterface): void {
    for (const port of this.ports) {
      if (port === ingress) continue;
      const passed = ingress === this ? frame : this.bridgeFilter(frame, ingress, port);
      if (passed !== undefined) port.transmit(passed);
    }
  }

  private bridgeFilter(frame: Uint8Array, ingress: NetInterface, out: NetInterface): Uint8Array | undefined {
    if (!this.nfCallIptables) return frame;
    return this.namespace.filterBridgedFrame(this, ingress, out, frame);
  }

  private learn(src: string, port: NetInterface): void {
    // Group addresses are never a station's source; a forged one must not poison the table.
    if ((parseInt(src.slice(0, 2), 16) & 1) === 1) return;
    const e = this.fdb.get(src);
    if (e !== undefined && (e.isStatic || e.isLocal)) return;
    if (e !== undefined && e.port === port) {
      e.updatedAt = this.now();
      return;
    }
    this.fdb.set(src, { mac: src, port, isStatic: false, isLocal: false, updatedAt: this.now() });
  }

  private isExpired(e: FdbEntry): boolean {
    return !e.isStatic && !e.isLocal && this.now() - e.updatedAt > this.ageingMs;
  }

  private expire(): void {
    for (const [mac, e] of this.fdb) if (this.isExpired(e)) this.fdb.delete(mac);
  }

  private now(): number {
    return this.namespace.fabric.clock.now();
  }
}

/** Broadcast and multicast MACs have the I/G bit (lowest bit of the first byte) set. */
function isGroupAddress(frame: Uint8Array): boolean {
  return (frame[0]! & 1) === 1;
}
