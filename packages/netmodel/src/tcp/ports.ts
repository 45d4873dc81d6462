import { TcpError } from './errors.js';

/** Local ports in use (by connections and listeners) and the sequential ephemeral-port cursor. */
export class PortTable {
  private readonly uses = new Map<number, number>();
  private cursor: number;

  constructor(
    private readonly min: number,
    private readonly max: number
  ) {
    this.cursor = min;
  }

  /** Whether anything holds `port`. */
  inUse(port: number): boolean {
    return this.uses.has(port);
  }

  /** Counts one more user of `port`. */
  hold(port: number): void {
    this.uses.set(port, (this.uses.get(port) ?? 0) + 1);
  }

  /** Counts one user of `port` less. */
  release(port: number): void {
    const n = (this.uses.get(port) ?? 0) - 1;
    if (n > 0) this.uses.set(port, n);
    else this.uses.delete(port);
  }

  /** Next free ephemeral port after the last one handed out, wrapping; throws `TCP_ERR_PORTS_EXHAUSTED`. */
  allocate(): number {
    const span = this.max - this.min + 1;
    for (let i = 0; i < span; i++) {
      const port = this.min + ((this.cursor - this.min + i) % span);
      if (this.inUse(port)) continue;
      this.cursor = port === this.max ? this.min : port + 1;
      return port;
    }
    throw new TcpError(
      { code: 'TCP_ERR_PORTS_EXHAUSTED', min: this.min, max: this.max },
      `no free port in ${this.min}-${this.max}`
    );
  }
}
