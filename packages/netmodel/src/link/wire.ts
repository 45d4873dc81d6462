import type { EtherInterface } from './ether-interface.js';

/**
 * A shared Ethernet segment (an underlay LAN): every frame put on it reaches every other attached
 * interface, which keeps only frames addressed to it — a hub, so captures see all traffic.
 */
export class Wire {
  private readonly ports: EtherInterface[] = [];

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

  /** Delivers a frame from `from` to every other port. */
  carry(from: EtherInterface, frame: Uint8Array): void {
    for (const port of this.ports) {
      if (port !== from) port.namespace.fabric.schedule(() => port.receive(frame));
    }
  }
}
