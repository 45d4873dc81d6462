import type { Namespace } from '../stack/namespace.js';
import type { Bridge } from './bridge.js';
import { emptyCounters, type InterfaceCounters } from './counters.js';

/** Kinds of interface the model has, named as `ip -d link` shows them. */
export type InterfaceKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'vxlan';

/** An IPv4 address assigned to an interface, `ip addr add 172.17.0.2/16`. */
export interface InterfaceAddress {
  address: string;
  prefixLength: number;
  /** Directed broadcast address; absent for /31 and /32. */
  broadcast: string | undefined;
}

/** Egress impairment of an interface, as Linux netem applies it. */
export interface Netem {
  /** Added one-way delay in ms. @default 0 */
  delayMs?: number;
  /** Probability in [0, 1] that a frame is lost. @default 0 */
  loss?: number;
}

/** Settings common to every interface. */
export interface InterfaceOptions {
  /** MAC address; generated when absent. */
  mac?: string;
  /** @default 1500 — Ethernet; loopback uses 65536 as Linux does */
  mtu?: number;
}

/**
 * A network device inside a namespace. `transmit` sends a frame out of it (towards the medium);
 * `receive` takes a frame arriving from the medium and hands it to its bridge or its namespace.
 */
export abstract class NetInterface {
  abstract readonly kind: InterfaceKind;
  readonly ifIndex: number;
  readonly counters: InterfaceCounters = emptyCounters();
  readonly addresses: InterfaceAddress[] = [];
  mac: string;
  mtu: number;
  /** Administratively up (`ip link set … up`). */
  up = false;
  /** The bridge this interface is a port of (`master docker0`), if any. */
  master: Bridge | undefined;
  /** Sees every frame sent or received here, like a packet socket (`tcpdump -i NAME`). */
  tap: ((frame: Uint8Array, direction: 'rx' | 'tx') => void) | undefined;
  /** Egress impairment, like `tc qdisc add dev eth0 root netem delay 5ms loss 10%`. */
  netem: Netem | undefined;

  constructor(
    public name: string,
    public namespace: Namespace,
    options: InterfaceOptions & { ifIndex: number; mac: string }
  ) {
    this.ifIndex = options.ifIndex;
    this.mac = options.mac;
    this.mtu = options.mtu ?? 1500;
  }

  /** Carrier present: up, and for a veth its peer is up too. */
  get operational(): boolean {
    return this.up;
  }

  /** Sends a frame out of this interface. */
  transmit(frame: Uint8Array): void {
    if (!this.operational) {
      this.counters.txDropped++;
      return;
    }
    this.counters.txPackets++;
    this.counters.txBytes += frame.length;
    this.tap?.(frame, 'tx');
    const netem = this.netem;
    if (netem === undefined) {
      this.emit(frame);
      return;
    }
    // netem counts a lost frame as sent: the loss happens on the medium, not in the device.
    const fabric = this.namespace.fabric;
    if (netem.loss !== undefined && netem.loss > 0 && fabric.random() < netem.loss) return;
    fabric.scheduleAfter(netem.delayMs ?? 0, () => this.emit(frame));
  }

  /** Takes a frame arriving from the medium. */
  receive(frame: Uint8Array): void {
    if (!this.up) {
      this.counters.rxDropped++;
      return;
    }
    this.counters.rxPackets++;
    this.counters.rxBytes += frame.length;
    this.tap?.(frame, 'rx');
    if (this.master !== undefined) this.master.receiveFromPort(this, frame);
    else this.namespace.receiveFrame(this, frame);
  }

  /** The namespace on the far side of the link (a veth's peer, a VXLAN device's underlay), if any. */
  linkNamespace(): Namespace | undefined {
    return undefined;
  }

  /** The first IPv4 address, used as the source for MASQUERADE and ARP. */
  primaryAddress(): string | undefined {
    return this.addresses[0]?.address;
  }

  /** Puts the frame on the medium (device specific). */
  protected abstract emit(frame: Uint8Array): void;

  /** Called when the interface is deleted. */
  detach(): void {
    this.up = false;
    this.master?.removePort(this);
  }
}
