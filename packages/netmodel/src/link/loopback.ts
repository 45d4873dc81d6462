import { NetInterface } from './net-interface.js';

/** `lo`: every frame sent comes straight back in. */
export class Loopback extends NetInterface {
  readonly kind = 'loopback' as const;

  protected emit(frame: Uint8Array): void {
    this.namespace.fabric.schedule(() => this.receive(frame));
  }
}
