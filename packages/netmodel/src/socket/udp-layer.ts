import { Emitter } from '@swarmsim/interface';
import type { Ipv4Packet, UdpDatagram } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';
import type { Namespace } from '../stack/namespace.js';

/** Sender of a received datagram, as Node's dgram `rinfo`. */
export interface RemoteInfo {
  address: string;
  port: number;
  size: number;
}

/** Events of a {@link UdpSocket}. */
export type UdpSocketEvents = {
  message: [data: Uint8Array, remote: RemoteInfo];
  close: [];
};

/** Ephemeral port range for `bind(0)`. @default 32768–60999 — Linux ip_local_port_range */
export const EPHEMERAL_PORTS = { min: 32768, max: 60999 } as const;

/** A UDP socket bound in a namespace, shaped like a small `dgram.Socket`. */
export class UdpSocket extends Emitter<UdpSocketEvents> {
  private closed = false;

  constructor(
    private readonly layer: UdpLayer,
    readonly address: string,
    readonly port: number
  ) {
    super();
  }

  /** Sends `data` to `address:port`; throws NETWORK_UNREACHABLE when there is no route. */
  send(data: Uint8Array, port: number, address: string): void {
    if (this.closed) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_SOCKET_CLOSED', address: `${this.address}:${this.port}` },
        'socket is closed'
      );
    }
    this.layer.send(this, data, port, address);
  }

  /** Unbinds the socket. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.layer.unbind(this);
    this.emit('close');
  }
}

/** UDP demultiplexing and ports of one namespace. */
export class UdpLayer {
  private readonly sockets = new Map<number, UdpSocket[]>();
  private nextEphemeral: number = EPHEMERAL_PORTS.min;

  constructor(private readonly ns: Namespace) {}

  /** Binds a socket (`port` 0 picks an ephemeral port; `address` '0.0.0.0' is every local address). */
  bind(port = 0, address = '0.0.0.0'): UdpSocket {
    if (address !== '0.0.0.0' && !this.ns.isLocalAddress(address)) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_ADDRESS_NOT_AVAILABLE', namespace: this.ns.name, address },
        `cannot bind ${address}: not a local address`
      );
    }
    const chosen = port === 0 ? this.ephemeral() : port;
    const holders = this.sockets.get(chosen) ?? [];
    if (holders.some((s) => s.address === '0.0.0.0' || address === '0.0.0.0' || s.address === address)) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_ADDRESS_IN_USE', namespace: this.ns.name, address: `${address}:${chosen}` },
        `address in use: ${address}:${chosen}`
      );
    }
    const socket = new UdpSocket(this, address, chosen);
    holders.push(socket);
    this.sockets.set(chosen, holders);
    return socket;
  }

  /** Delivers a datagram; false when no socket wants it (the caller answers port unreachable). */
  receive(ip: Ipv4Packet, datagram: UdpDatagram): boolean {
    const holders = this.sockets.get(datagram.dstPort);
    const socket = holders?.find((s) => s.address === ip.dst) ?? holders?.find((s) => s.address === '0.0.0.0');
    if (socket === undefined) return false;
    socket.emit('message', datagram.payload, {
      address: ip.src,
      port: datagram.srcPort,
      size: datagram.payload.length
    });
    return true;
  }

  /** Called by a socket to send. */
  send(socket: UdpSocket, data: Uint8Array, port: number, address: string): void {
    const src = socket.address === '0.0.0.0' ? undefined : socket.address;
    this.ns.ipv4.output({
      src,
      dst: address,
      l4: { protocol: 'udp', datagram: { srcPort: socket.port, dstPort: port, payload: data } }
    });
  }

  /** Called by a socket when it closes. */
  unbind(socket: UdpSocket): void {
    const holders = this.sockets.get(socket.port);
    if (holders === undefined) return;
    const rest = holders.filter((s) => s !== socket);
    if (rest.length === 0) this.sockets.delete(socket.port);
    else this.sockets.set(socket.port, rest);
  }

  /** Closes every socket (namespace deleted). */
  closeAll(): void {
    for (const holders of [...this.sockets.values()]) for (const s of holders) s.close();
  }

  private ephemeral(): number {
    const span = EPHEMERAL_PORTS.max - EPHEMERAL_PORTS.min + 1;
    for (let i = 0; i < span; i++) {
      const port = this.nextEphemeral;
      this.nextEphemeral = port === EPHEMERAL_PORTS.max ? EPHEMERAL_PORTS.min : port + 1;
      if (!this.sockets.has(port)) return port;
    }
    throw new NetmodelError(
      { code: 'NETMODEL_ERR_ADDRESS_IN_USE', namespace: this.ns.name },
      'no free ephemeral UDP port'
    );
  }
}
