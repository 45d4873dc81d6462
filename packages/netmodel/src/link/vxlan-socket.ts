import { decodeVxlan, VXLAN_HEADER_LENGTH } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';
import type { RemoteInfo, UdpSocket } from '../socket/udp-layer.js';
import type { Namespace } from '../stack/namespace.js';
import type { VxlanInterface } from './vxlan.js';

/** Datagrams a VXLAN socket dropped before any device saw them, by the kernel's drop reason. */
export interface VxlanSocketDrops {
  /** I flag clear, or reserved bits set (SKB_DROP_REASON_VXLAN_INVALID_HDR; Linux is stricter than RFC 7348). */
  invalidHeader: number;
  /** No VXLAN device of that VNI on this port (SKB_DROP_REASON_VXLAN_VNI_NOT_FOUND). */
  vniNotFound: number;
}

/**
 * The kernel's VXLAN UDP socket of one namespace and port (`vxlan_sock`): bound to every local address, shared by
 * every VXLAN device created in that namespace with that port, and demultiplexing what arrives by VNI. It holds
 * the port like any socket, so a user `bind(4789)` there fails with EADDRINUSE, as on Linux.
 */
export class VxlanSocket {
  readonly drops: VxlanSocketDrops = { invalidHeader: 0, vniNotFound: 0 };
  private readonly devices = new Map<number, VxlanInterface>();
  private readonly udp: UdpSocket;
  private closing = false;

  constructor(
    readonly namespace: Namespace,
    readonly port: number
  ) {
    this.udp = namespace.udp.bind(port);
    this.udp.on('message', (data, remote) => this.receive(data, remote));
    // The underlay namespace went away: the kernel deletes every VXLAN device created there (vxlan_exit_batch_rtnl).
    this.udp.on('close', () => {
      if (!this.closing) for (const dev of [...this.devices.values()]) dev.namespace.removeInterface(dev.name);
    });
  }

  /** The device of `vni`, if one is registered. */
  device(vni: number): VxlanInterface | undefined {
    return this.devices.get(vni);
  }

  /** Registers a device; its VNI must be free on this port (`vxlan_vni_in_use`). */
  add(dev: VxlanInterface): void {
    if (this.devices.has(dev.vni)) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_VNI_IN_USE', namespace: this.namespace.name, interface: dev.name, vni: dev.vni },
        `A VXLAN device with the specified VNI already exists`
      );
    }
    this.devices.set(dev.vni, dev);
  }

  /** Unregisters a device; returns true when none is left (the socket is then closed). */
  remove(dev: VxlanInterface): boolean {
    if (this.devices.get(dev.vni) === dev) this.devices.delete(dev.vni);
    if (this.devices.size > 0) return false;
    this.closing = true;
    this.udp.close();
    return true;
  }

  // vxlan_rcv: check the header, find the device by VNI, hand it the inner frame and the outer source.
  private receive(data: Uint8Array, remote: RemoteInfo): void {
    if (!isValidHeader(data)) {
      this.drops.invalidHeader++;
      return;
    }
    const { vni, payload } = decodeVxlan(data);
    const dev = this.devices.get(vni);
    if (dev === undefined) {
      this.drops.vniNotFound++;
      return;
    }
    dev.receiveEncapsulated(payload, remote.address);
  }
}

/** The VXLAN sockets of one namespace, by UDP port. */
export class VxlanSockets {
  private readonly byPort = new Map<number, VxlanSocket>();

  constructor(private readonly namespace: Namespace) {}

  /** The socket of `port`, if a VXLAN device created here uses it. */
  get(port: number): VxlanSocket | undefined {
    return this.byPort.get(port);
  }

  /** Registers `dev` on the socket of its port, opening the socket for the first device. */
  register(dev: VxlanInterface): VxlanSocket {
    const existing = this.byPort.get(dev.port);
    const socket = existing ?? new VxlanSocket(this.namespace, dev.port);
    try {
      socket.add(dev);
    } catch (err) {
      if (existing === undefined) socket.remove(dev);
      throw err;
    }
    this.byPort.set(dev.port, socket);
    return socket;
  }

  /** Unregisters `dev`, closing its socket when it was the last device on it. */
  unregister(dev: VxlanInterface): void {
    const socket = this.byPort.get(dev.port);
    if (socket?.remove(dev) === true) this.byPort.delete(dev.port);
  }
}

// Only the I flag may be set and every reserved field must be zero (vxlan_rcv, without GBP/GPE extensions).
function isValidHeader(data: Uint8Array): boolean {
  if (data.length < VXLAN_HEADER_LENGTH) return false;
  return data[0] === 0x08 && data[1] === 0 && data[2] === 0 && data[3] === 0 && data[7] === 0;
}
