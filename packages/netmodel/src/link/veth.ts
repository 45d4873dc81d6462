import type { Namespace } from '../stack/namespace.js';
import { NetInterface } from './net-interface.js';

/** One end of a veth pair: what one end transmits, the other receives. */
export class Veth extends NetInterface {
  readonly kind = 'veth' as const;
  peer: Veth | undefined;

  /** A veth has carrier only while both ends are up (Linux: NO-CARRIER / state LOWERLAYERDOWN). */
  override get operational(): boolean {
    return this.up && this.peer !== undefined && this.peer.up;
  }

  /** The peer's namespace. */
  override linkNamespace(): Namespace | undefined {
    return this.peer?.namespace;
  }

  protected emit(frame: Uint8Array): void {
    const peer = this.peer;
    if (peer === undefined) return;
    this.namespace.fabric.schedule(() => peer.receive(frame));
  }

  override detach(): void {
    super.detach();
    const peer = this.peer;
    this.peer = undefined;
    // Deleting one end of a veth pair deletes the other (Linux).
    if (peer !== undefined) {
      peer.peer = undefined;
      peer.namespace.removeInterface(peer.name);
    }
  }
}
