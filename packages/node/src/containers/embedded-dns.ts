import type { Resolver } from '@swarmsim/dns';
import type { Logger } from '@swarmsim/interface';
import type { Namespace, UdpSocket } from '@swarmsim/netmodel';

/** The embedded DNS server's address inside every container namespace (resolv.conf `nameserver 127.0.0.11`). */
export const EMBEDDED_DNS_IP = '127.0.0.11';

/**
 * Docker's embedded DNS inside one container namespace: a UDP socket on 127.0.0.11:53 answering from the
 * engine's resolver with the records of the networks the container is on. (Docker listens on a random port
 * behind a DNAT rule from :53; the simulation binds :53 directly, which clients cannot tell apart.)
 */
export class EmbeddedDns {
  private readonly socket: UdpSocket;
  private closed = false;

  constructor(
    ns: Namespace,
    private readonly resolver: Resolver,
    private readonly networks: () => readonly string[],
    private readonly log: Logger
  ) {
    this.socket = ns.udp.bind(53, EMBEDDED_DNS_IP);
    this.socket.on('message', (query, remote) => this.answer(query, remote.address, remote.port));
  }

  /** Stops answering and unbinds the socket. */
  close(): void {
    this.closed = true;
    this.socket.close();
  }

  private answer(query: Uint8Array, address: string, port: number): void {
    this.resolver.resolve(query, { networks: this.networks() }).then(
      (reply) => {
        if (reply !== undefined && !this.closed) this.socket.send(reply, port, address);
      },
      (err: unknown) => this.log.debug({ err }, 'embedded DNS query failed')
    );
  }
}
