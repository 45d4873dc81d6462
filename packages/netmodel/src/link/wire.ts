import type { EtherInterface } from './ether-interface.js';

/**
 * Something beyond this segment that frames leave through and arrive from (another host's half of the same LAN,
 * carried by a node's Transport): it sees every frame a local station sends, and {@link Wire.deliverFromTrunk}
 * puts the ones from afar on the wire.
 */
export interface WireTrunk {
  /** A frame a local station put on the wire. */
  forward(frame: Uint8Array, from: EtherInterface): void;
}

/**
 * A shared Ethernet segment (an underlay LAN): every frame put on it reaches every other attached
 * interface, which keeps only frames addressed to it — a hub, so captures see all traffic.
 */
export class Wire {
  private readonly ports: EtherInterface[] = [];
  private readonly trunks: WireTrunk[] = [];

  constructor(readonly name: string) {}

  /** Connects an interface to this segment. */
  attach(port: EtherInterface): void {
    if (!this.ports.includes(port)) this.ports.push(port);
    port.wire = this;
  }

  /** Disconnects an interface. */
  detach(port: EtherInterface): void {
    const i = this.ports.indexOf(port);
    if (i >= 0) this.ports.splice(i, 1);
    if (port.wire === this) port.wire = undefined;
  }

  /** Extends the segment beyond this process's stations; returns a function that removes the trunk. */
  addTrunk(trunk: WireTrunk): () => void {
    this.trunks.push(trunk);
    return () => {
      const i = this.trunks.indexOf(trunk);
      if (i >= 0) this.trunks.splice(i, 1);
    };
  }

  /** Delivers a frame from `from` to every other port, and hands it to every trunk. */
  carry(from: EtherInterface, frame: Uint8Array): void {
    for (const port of this.ports) {
      if (port !== from) port.namespace.fabric.schedule(() => port.receive(frame));
    }
    for (const trunk of this.trunks) trunk.forward(frame, from);
  }

  /** A frame that arrived through a trunk: every local port gets it, as if sent on this segment. */
  deliverFromTrunk(frame: Uint8Array): void {
    for (const port of this.ports) port.namespace.fabric.schedule(() => port.receive(frame));
  }
}
