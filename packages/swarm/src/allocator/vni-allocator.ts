import { SwarmError } from '../errors.js';

/** First VXLAN id swarmkit hands out (ingress gets it, user overlays follow). */
export const VNI_START = 4096;
/** Largest 24-bit VXLAN id. */
export const VNI_END = (1 << 24) - 1;

/**
 * Serial VXLAN id allocation (swarmkit's overlay driver uses an `idm` with serial allocation): the next id
 * after the last handed out, so a freed id is not reused until the range wraps around.
 */
export class VniAllocator {
  private readonly used = new Set<number>();
  private last: number;

  constructor(
    private readonly start = VNI_START,
    private readonly end = VNI_END
  ) {
    this.last = end;
  }

  /** The next free id after the last one allocated, wrapping. */
  allocate(): number {
    const size = this.end - this.start + 1;
    for (let i = 1; i <= size; i++) {
      const vni = this.start + ((this.last - this.start + i) % size);
      if (!this.used.has(vni)) {
        this.used.add(vni);
        this.last = vni;
        return vni;
      }
    }
    throw new SwarmError({ code: 'SWARM_ERR_VNI_EXHAUSTED' });
  }

  /** Frees an id; it comes back only after the allocator wraps. */
  release(vni: number): void {
    this.used.delete(vni);
  }
}
