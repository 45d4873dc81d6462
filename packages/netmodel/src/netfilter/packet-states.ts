import type { PacketCt } from './conntrack/track-packet.js';
import { tupleKey, tupleOf } from './conntrack/tuple.js';
import type { NfPacket } from './types.js';

// Loopback packets waiting between POSTROUTING and their PREROUTING on `lo`; bounded in case one is lost.
const MAX_LOOPBACK_IN_FLIGHT = 1024;

function loopbackKey(pkt: NfPacket): string {
  return `${tupleKey(tupleOf(pkt))} ${pkt.ip.identification}`;
}

/**
 * The conntrack state riding along with each packet between hooks (skb->_nfct). A packet sent to `lo` keeps its
 * connection, as on Linux: the stack re-parses it into a new object, so the state is handed over by content.
 */
export class PacketStates {
  private readonly attached = new WeakMap<NfPacket, PacketCt>();
  private readonly loopback = new Map<string, PacketCt[]>();

  /** The packet's state, if conntrack saw it in this pass. */
  get(pkt: NfPacket): PacketCt | undefined {
    return this.attached.get(pkt);
  }

  /** Attaches state to a packet. */
  set(pkt: NfPacket, st: PacketCt): void {
    this.attached.set(pkt, st);
  }

  /** Forgets a packet's state (dropped, or delivered to a socket). */
  delete(pkt: NfPacket): void {
    this.attached.delete(pkt);
  }

  /** End of POSTROUTING: the packet leaves; a packet to `lo` parks its state for its way back in. */
  release(pkt: NfPacket): void {
    const st = this.attached.get(pkt);
    this.attached.delete(pkt);
    if (st === undefined || pkt.outIf !== 'lo') return;
    const key = loopbackKey(pkt);
    const list = this.loopback.get(key) ?? [];
    list.push(st);
    this.loopback.set(key, list);
    if (this.loopback.size > MAX_LOOPBACK_IN_FLIGHT) this.loopback.delete(this.loopback.keys().next().value!);
  }

  /** Start of PREROUTING: a packet arriving on `lo` picks up the state it left with. */
  adoptLoopback(pkt: NfPacket): void {
    if (pkt.inIf !== 'lo') return;
    const key = loopbackKey(pkt);
    const list = this.loopback.get(key);
    const st = list?.shift();
    if (list !== undefined && list.length === 0) this.loopback.delete(key);
    if (st !== undefined) this.attached.set(pkt, st);
  }
}
