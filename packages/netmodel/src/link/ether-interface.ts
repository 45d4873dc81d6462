import { NetInterface } from './net-interface.js';
import type { Wire } from './wire.js';

/** A physical NIC such as a host's `eth0`, plugged into a {@link Wire}. */
export class EtherInterface extends NetInterface {
  readonly kind = 'ether' as const;
  wire: Wire | undefined;

  /** No cable, no carrier. */
  override get operational(): boolean {
    return this.up && this.wire !== undefined;
  }

  protected emit(frame: Uint8Array): void {
    this.wire?.carry(this, frame);
  }

  override detach(): void {
    super.detach();
    this.wire?.detach(this);
  }
}
