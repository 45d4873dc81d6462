import type { PeerId, Transport } from '@swarmsim/interface';
import type { EtherInterface, Wire } from '@swarmsim/netmodel';
import { bytesToMac } from '@swarmsim/packet';

/** Collaborators of an {@link UnderlayBridge}. */
export interface UnderlayBridgeComponents {
  /** This node's half of the underlay LAN. */
  wire: Wire;
  /** The node's `data` channel: best effort, as UDP 4789 between real hosts. */
  transport: Transport;
  /** The other nodes that share the LAN now (the gossip members seen alive). */
  peers: () => readonly PeerId[];
}

/** What an {@link UnderlayBridge} has carried, for tests and `ip -s link`-like views. */
export interface UnderlayBridgeStats {
  sent: number;
  flooded: number;
  received: number;
  /** Frames from a peer that were not Ethernet frames (shorter than a header). */
  malformed: number;
}

const BROADCAST_BIT = 0x01;
const ETHERNET_HEADER = 14;

/**
 * The underlay LAN between nodes: each node simulates only its own half (its `eth0` on a local {@link Wire}); this
 * bridge carries every frame that the node's own station (`eth0`) sends to the other nodes over the Transport's
 * `data` channel, as the real bytes (an overlay frame is the whole outer Ethernet/IPv4/UDP 4789/VXLAN frame), and
 * puts the frames they send on the local wire. Like a learning switch it sends a unicast frame only to the node
 * that owns its destination MAC once that node has been heard from, and floods broadcasts (ARP) and unknown
 * destinations to every peer. Both runtimes use it: in-process nodes have a wire each too, so there is one path.
 */
export class UnderlayBridge {
  readonly stats: UnderlayBridgeStats = { sent: 0, flooded: 0, received: 0, malformed: 0 };
  private readonly owners = new Map<string, PeerId>();
  private readonly removeTrunk: () => void;

  constructor(
    /** The local station whose frames leave the node (others, such as the `outside` host, stay local). */
    private readonly station: EtherInterface,
    private readonly components: UnderlayBridgeComponents
  ) {
    this.removeTrunk = components.wire.addTrunk({ forward: (frame, from) => this.forward(frame, from) });
    components.transport.onMessage((from, _channel, frame) => this.arrive(from, frame));
  }

  /** Stops carrying frames either way. */
  close(): void {
    this.removeTrunk();
    this.owners.clear();
  }

  private forward(frame: Uint8Array, from: EtherInterface): void {
    if (from !== this.station || frame.length < ETHERNET_HEADER) return;
    const dst = bytesToMac(frame, 0);
    const owner = (frame[0]! & BROADCAST_BIT) === 0 ? this.owners.get(dst) : undefined;
    const { transport, peers } = this.components;
    if (owner !== undefined) {
      this.stats.sent++;
      return transport.sendBestEffort(owner, 'data', frame);
    }
    this.stats.flooded++;
    for (const peer of peers()) if (peer !== transport.localId) transport.sendBestEffort(peer, 'data', frame);
  }

  private arrive(from: PeerId, frame: Uint8Array): void {
    if (frame.length < ETHERNET_HEADER) {
      this.stats.malformed++;
      return;
    }
    this.stats.received++;
    // Learn where a source MAC lives, as a switch port does; a MAC that moved (a node rejoined) is relearned.
    this.owners.set(bytesToMac(frame, 6), from);
    this.components.wire.deliverFromTrunk(frame);
  }
}
