import { DriverError } from './errors.js';

/** Transport protocol of a published port. */
export type PortProtocol = 'tcp' | 'udp';

/** Options of a {@link HostPortAllocator}. */
export interface HostPortAllocatorInit {
  /** First ephemeral port. @default 32768 — Linux net.ipv4.ip_local_port_range */
  ephemeralMin?: number;
  /** Last ephemeral port. @default 60999 — Linux net.ipv4.ip_local_port_range */
  ephemeralMax?: number;
}

/**
 * libnetwork's portallocator for one host address: explicit host ports are refused when taken ("port is
 * already allocated"); `-p C` takes the next free ephemeral port after the last one handed out, per
 * protocol, wrapping at the end of the range (FIDELITY §6).
 */
export class HostPortAllocator {
  private readonly min: number;
  private readonly max: number;
  private readonly used: Record<PortProtocol, Set<number>> = { tcp: new Set(), udp: new Set() };
  // portallocator keeps `last` per protocol; the first dynamic request starts at the range's beginning.
  private readonly last: Record<PortProtocol, number>;

  constructor(init: HostPortAllocatorInit = {}) {
    this.min = init.ephemeralMin ?? 32768;
    this.max = init.ephemeralMax ?? 60999;
    this.last = { tcp: this.max, udp: this.max };
  }

  /** Reserves `port` (or the next ephemeral one when 0/undefined) and returns it. */
  allocate(protocol: PortProtocol, port?: number): number {
    if (port !== undefined && port !== 0) {
      if (this.used[protocol].has(port)) throw portAllocated(port);
      this.used[protocol].add(port);
      return port;
    }
    const span = this.max - this.min + 1;
    for (let i = 1; i <= span; i++) {
      const candidate = this.min + ((this.last[protocol] - this.min + i) % span);
      if (this.used[protocol].has(candidate)) continue;
      this.used[protocol].add(candidate);
      this.last[protocol] = candidate;
      return candidate;
    }
    throw new DriverError(
      { code: 'DRIVER_ERR_PORTS_EXHAUSTED' },
      `all ports are allocated in ${this.min}-${this.max}/${protocol}`
    );
  }

  /** Frees a port; a no-op when it was not allocated. */
  release(protocol: PortProtocol, port: number): void {
    this.used[protocol].delete(port);
  }

  /** True when the port is allocated. */
  isAllocated(protocol: PortProtocol, port: number): boolean {
    return this.used[protocol].has(port);
  }
}

function portAllocated(port: number): DriverError {
  return new DriverError(
    { code: 'DRIVER_ERR_PORT_ALLOCATED', port },
    `Bind for 0.0.0.0:${port} failed: port is already allocated`
  );
}
