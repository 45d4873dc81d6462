import { bytesToMac, encodeVxlan, ETHERNET_HEADER_LENGTH, EtherType, isValidIpv4, isValidMac } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';
import type { Namespace } from '../stack/namespace.js';
import { NetInterface } from './net-interface.js';
import { resolveVxlanConfig, type VxlanConfig, type VxlanOptions } from './vxlan-config.js';
import { flowSourcePort, outerDontFragment, outerTos } from './vxlan-encap.js';
import { VxlanFdb, type VxlanFdbEntry } from './vxlan-fdb.js';
import { proxyArpReply } from './vxlan-proxy-arp.js';

const ZERO_MAC = '00:00:00:00:00:00';
const ANY = '0.0.0.0';

/** What a VXLAN device did with frames beyond the interface counters, named after the kernel's reasons. */
export interface VxlanStats {
  /** Frames dropped for want of an FDB entry (and of a default `00:00:00:00:00:00` one): never flooded. */
  noTxTarget: number;
  /** Unicast destinations missing from the FDB, with `l2miss` on (the kernel's RTM_GETNEIGH to the driver). */
  l2Misses: number;
  /** Proxied ARP requests for an address missing from the neighbour table, with `l3miss` on. */
  l3Misses: number;
  /** ARP requests answered from the neighbour table (`proxy`), never sent over the tunnel. */
  proxyArpReplies: number;
  /** Received frames from a permanent entry's MAC but another VTEP (SKB_DROP_REASON_VXLAN_ENTRY_EXISTS). */
  entryExists: number;
  /** Received frames whose source is this device's MAC or not a station address (LOCAL_MAC, MAC_INVALID_SOURCE). */
  badSourceMac: number;
}

/**
 * A Linux VXLAN device (`ip link add vxlan0 type vxlan id 4097 dstport 4789 …`). It keeps a static FDB of inner
 * MAC → remote VTEP and encapsulates through the routing, ARP and netfilter of its *underlay* namespace — the one
 * it was created in, which stays its tunnel namespace when it is moved (the kernel's `vxlan->net`), as Docker creates
 * `vxlan0` in the host and moves it into the overlay network's namespace under `br0`. What arrives on UDP `port`
 * of the underlay with its VNI comes out of it as a received frame. Frames without an FDB entry are dropped and
 * counted, never flooded.
 */
export class VxlanInterface extends NetInterface {
  readonly kind = 'vxlan' as const;
  readonly config: Readonly<VxlanConfig>;
  readonly stats: VxlanStats = {
    noTxTarget: 0,
    l2Misses: 0,
    l3Misses: 0,
    proxyArpReplies: 0,
    entryExists: 0,
    badSourceMac: 0
  };
  /** The namespace whose routing and UDP socket carry the tunnel. */
  readonly underlay: Namespace;
  private readonly fdb: VxlanFdb;

  constructor(name: string, namespace: Namespace, options: VxlanOptions & { ifIndex: number; mac: string }) {
    const config = resolveVxlanConfig(options, { namespace: namespace.name, interface: name });
    super(name, namespace, { ...options, mtu: options.mtu ?? 1450 });
    this.config = config;
    this.underlay = namespace;
    const clock = namespace.fabric.clock;
    this.fdb = new VxlanFdb(() => clock.now(), config.ageingSeconds * 1000);
  }

  /** The VXLAN network identifier. */
  get vni(): number {
    return this.config.vni;
  }

  /** The UDP destination port, also the port it listens on in the underlay. */
  get port(): number {
    return this.config.port;
  }

  /** `bridge fdb add MAC dev vxlan0 dst VTEP [self] permanent` (`replace`: `bridge fdb replace`). */
  addFdb(mac: string, dst: string, options: { replace?: boolean } = {}): void {
    const m = mac.toLowerCase();
    if (!isValidMac(m) || !isValidIpv4(dst)) {
      throw new NetmodelError(
        {
          code: 'NETMODEL_ERR_BAD_ADDRESS',
          namespace: this.namespace.name,
          interface: this.name,
          address: `${mac} ${dst}`
        },
        `bad FDB entry ${mac} dst ${dst}`
      );
    }
    if (options.replace !== true && this.fdb.has(m)) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_FDB_ENTRY_EXISTS', namespace: this.namespace.name, interface: this.name, address: m },
        `FDB entry for ${m} exists`
      );
    }
    this.fdb.set(m, dst);
  }

  /** `bridge fdb del MAC dev vxlan0`; false when there was no entry. */
  removeFdb(mac: string): boolean {
    return this.fdb.delete(mac.toLowerCase());
  }

  /** The FDB as `bridge fdb show dev vxlan0` would list it (learned entries that aged out are gone). */
  fdbEntries(): VxlanFdbEntry[] {
    return this.fdb.entries();
  }

  /** Its tunnel namespace: `ip link` shows `link-netnsid` once the device lives elsewhere. */
  override linkNamespace(): Namespace {
    return this.underlay;
  }

  /** Sends a frame into the tunnel (`vxlan_xmit`); packet taps see it even when it is then dropped. */
  override transmit(frame: Uint8Array): void {
    if (!this.operational) {
      this.counters.txDropped++;
      return;
    }
    this.tap?.(frame, 'tx');
    this.emit(frame);
  }

  /** A frame decapsulated by the underlay's VXLAN socket, from `vtep` (`vxlan_rcv` after the VNI lookup). */
  receiveEncapsulated(frame: Uint8Array, vtep: string): void {
    if (frame.length < ETHERNET_HEADER_LENGTH) {
      this.counters.rxErrors++;
      return;
    }
    if (!this.acceptSource(bytesToMac(frame, 6), vtep)) return;
    this.receive(frame);
  }

  override detach(): void {
    super.detach();
    this.underlay.vxlanSockets.unregister(this);
  }

  protected emit(frame: Uint8Array): void {
    if (frame.length < ETHERNET_HEADER_LENGTH) {
      this.counters.txDropped++;
      return;
    }
    if (this.config.proxy && etherTypeOf(frame) === EtherType.ARP) {
      this.proxyArp(frame);
      return;
    }
    const entry = this.fdb.lookup(bytesToMac(frame, 0)) ?? this.fdb.lookup(ZERO_MAC);
    if (entry === undefined) {
      // No BUM flooding: without a default entry a frame nobody programmed goes nowhere (vxlan_xmit).
      if (this.config.l2miss && (frame[0]! & 1) === 0) this.stats.l2Misses++;
      this.stats.noTxTarget++;
      this.counters.txDropped++;
      return;
    }
    if (entry.dst === ANY) {
      this.counters.txDropped++;
      return;
    }
    this.encapsulate(frame, entry.dst);
  }

  // vxlan_xmit_one: VXLAN header in UDP in IPv4, out through the underlay's own output path.
  private encapsulate(frame: Uint8Array, vtep: string): void {
    if (this.config.localBypass && this.underlay.isLocalAddress(vtep)) {
      this.bypass(frame);
      return;
    }
    const datagram = {
      srcPort: flowSourcePort(frame),
      dstPort: this.port,
      payload: encodeVxlan({ vni: this.vni, payload: frame })
    };
    try {
      this.underlay.ipv4.output({
        src: this.config.local,
        dst: vtep,
        ttl: this.config.ttl === 0 ? undefined : this.config.ttl,
        tos: outerTos(frame),
        dontFragment: outerDontFragment(this.config.df, frame),
        l4: { protocol: 'udp', datagram, ...(!this.config.udpChecksum && { zeroChecksum: true }) }
      });
    } catch (err) {
      // No route to the VTEP, or too big for the underlay: tx_errors (tx_carrier_errors for ENETUNREACH).
      this.counters.txErrors++;
      this.namespace.log.debug({ err, vtep, dev: this.name }, 'vxlan encapsulation failed');
      return;
    }
    this.counters.txPackets++;
    this.counters.txBytes += frame.length;
  }

  // encap_bypass_if_local: the VTEP is ours, so the device of this VNI here receives the frame as is.
  private bypass(frame: Uint8Array): void {
    const target = this.underlay.vxlanSockets.get(this.port)?.device(this.vni);
    if (target === undefined) {
      this.counters.txErrors++;
      return;
    }
    this.counters.txPackets++;
    this.counters.txBytes += frame.length;
    target.receiveEncapsulated(frame, '127.0.0.1');
  }

  // arp_reduce: answer from the neighbour table of this device (what Docker programs per peer), else drop.
  private proxyArp(frame: Uint8Array): void {
    const result = proxyArpReply(this, frame, (mac) => this.fdb.find(mac)?.dst === ANY);
    if (result === 'malformed') this.counters.txDropped++;
    else if (result === 'miss' && this.config.l3miss) this.stats.l3Misses++;
    else if (result instanceof Uint8Array) {
      this.stats.proxyArpReplies++;
      this.namespace.fabric.schedule(() => this.inject(result));
    }
  }

  // netif_rx of a locally made frame: packet taps see it, the driver's RX counters do not.
  private inject(frame: Uint8Array): void {
    if (!this.up) return;
    this.tap?.(frame, 'rx');
    if (this.master !== undefined) this.master.receiveFromPort(this, frame);
    else this.namespace.receiveFrame(this, frame);
  }

  // vxlan_set_mac + vxlan_snoop: loops and bad sources are dropped, then (learning) MAC → VTEP is remembered.
  private acceptSource(src: string, vtep: string): boolean {
    const group = (parseInt(src.slice(0, 2), 16) & 1) === 1;
    if (src === this.mac || (this.config.learning && (group || src === ZERO_MAC))) {
      this.stats.badSourceMac++;
      return false;
    }
    if (!this.config.learning || !this.up) return true;
    if (this.fdb.snoop(src, vtep) !== 'entry-exists') return true;
    this.stats.entryExists++;
    return false;
  }
}

function etherTypeOf(frame: Uint8Array): number {
  return (frame[12]! << 8) | frame[13]!;
}
