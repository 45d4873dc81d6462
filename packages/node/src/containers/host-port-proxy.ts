import { createServer, type Server, type Socket } from 'node:net';
import type { PortProtocol } from '@swarmsim/drivers';
import { silentLogger, type Logger } from '@swarmsim/interface';
import type { Namespace, TcpSocket } from '@swarmsim/netmodel';
import type { PortBinder } from './types.js';

/** Plain options of a {@link HostPortProxy}. */
export interface HostPortProxyInit {
  /** Real loopback address the listeners bind, e.g. `127.0.1.2` (each node its own, so ports can repeat). */
  address: string;
  /** The node's eth0 address: simulated connections go there, through PREROUTING DNAT. */
  target: string;
}

/** Collaborators of a {@link HostPortProxy}. */
export interface HostPortProxyComponents {
  /** Where simulated connections start: the "outside" namespace on the node's underlay. */
  outside: Namespace;
  logger?: Logger;
}

/**
 * docker-proxy's job for a simulated node: a real `net.Server` per published TCP port on the node's loopback
 * address. Each accepted socket becomes a simulated TCP connection from the outside namespace to
 * `<eth0>:<port>`, so it takes the real path (PREROUTING DNAT → container); bytes, FIN and errors are
 * relayed both ways. UDP ports are published inside the simulation only.
 */
export class HostPortProxy implements PortBinder {
  private readonly servers = new Map<number, { server: Server; sockets: Set<Socket> }>();
  private readonly log: Logger;

  constructor(
    private readonly init: HostPortProxyInit,
    private readonly components: HostPortProxyComponents
  ) {
    this.log = (components.logger ?? silentLogger).child({ component: 'port-proxy' });
  }

  /** Ports with a live listener. */
  get listening(): number[] {
    return [...this.servers.keys()];
  }

  /** Binds `address:port`; rejects when the real port is taken. */
  async open(port: number, protocol: PortProtocol): Promise<void> {
    if (protocol !== 'tcp' || this.servers.has(port)) return;
    const sockets = new Set<Socket>();
    const server = createServer((real) => this.relay(real, port, sockets));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.init.address, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.servers.set(port, { server, sockets });
  }

  /** Closes the listener of a port and drops its connections (docker-proxy exits). */
  close(port: number, protocol: PortProtocol): void {
    const entry = this.servers.get(port);
    if (protocol !== 'tcp' || entry === undefined) return;
    this.servers.delete(port);
    entry.server.close();
    for (const s of entry.sockets) s.destroy();
  }

  /** Closes every listener. */
  closeAll(): void {
    for (const port of [...this.servers.keys()]) this.close(port, 'tcp');
  }

  private relay(real: Socket, port: number, sockets: Set<Socket>): void {
    sockets.add(real);
    const outside = this.components.outside;
    const source = outside.interface('eth0').primaryAddress() ?? '0.0.0.0';
    let sim: TcpSocket;
    try {
      sim = outside.tcp.connect(source, this.init.target, port);
    } catch (err) {
      this.log.warn({ err, port }, 'could not open the simulated connection');
      real.destroy();
      return;
    }
    pipeRealToSim(real, sim);
    pipeSimToReal(sim, real);
    real.on('close', () => sockets.delete(real));
  }
}

function pipeRealToSim(real: Socket, sim: TcpSocket): void {
  real.on('data', (chunk: Buffer) => {
    try {
      sim.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice());
    } catch {
      real.destroy();
    }
  });
  real.on('end', () => sim.end());
  // A reset or failure on the real side aborts the simulated connection (RST), as a dying proxy would.
  real.on('error', () => sim.destroy());
  real.on('close', (hadError) => {
    if (hadError) sim.destroy();
  });
}

function pipeSimToReal(sim: TcpSocket, real: Socket): void {
  sim.on('data', (chunk) => {
    if (!real.destroyed) real.write(chunk);
  });
  sim.on('end', () => {
    if (!real.destroyed) real.end();
  });
  sim.on('error', () => real.destroy());
  sim.on('close', (hadError) => {
    if (hadError) real.destroy();
    else if (!real.destroyed) real.end();
  });
}
