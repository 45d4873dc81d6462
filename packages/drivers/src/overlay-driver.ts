import type { Namespace } from '@swarmsim/netmodel';
import { DriverError } from './errors.js';
import { OverlayNetwork, type OverlayNetworkOptions } from './overlay-network.js';

/**
 * Docker's overlay driver on one host (libnetwork `drivers/overlay`): the overlay networks this host has created,
 * each with its lazily built namespace. The tunnels run through the host namespace — its routing, netfilter and
 * `eth0` — so the host's underlay address is the VTEP other hosts' peers point at.
 */
export class OverlayDriver {
  private readonly networks = new Map<string, OverlayNetwork>();

  constructor(private readonly host: Namespace) {}

  /** `CreateNetwork` for one subnet and its VNI; nothing is built until the first endpoint joins. */
  createNetwork(options: OverlayNetworkOptions): OverlayNetwork {
    const clash = [...this.networks.values()].find((n) => n.name === options.name || n.vni === options.vni);
    if (clash !== undefined) {
      throw new DriverError(
        { code: 'DRIVER_ERR_NETWORK_EXISTS', network: clash.name },
        clash.name === options.name
          ? `network with name ${options.name} already exists`
          : `vxlan id ${options.vni} is in use by network ${clash.name}`
      );
    }
    const network = new OverlayNetwork({ ns: this.host, onRemove: (n) => this.networks.delete(n.name) }, options);
    this.networks.set(network.name, network);
    return network;
  }

  /** Looks a network up by name. */
  network(name: string): OverlayNetwork {
    const n = this.networks.get(name);
    if (n === undefined)
      throw new DriverError({ code: 'DRIVER_ERR_NO_SUCH_NETWORK', network: name }, `network ${name} not found`);
    return n;
  }

  /** True when this host has a network of that name. */
  has(name: string): boolean {
    return this.networks.has(name);
  }

  /** Every overlay network of this host, in creation order. */
  list(): OverlayNetwork[] {
    return [...this.networks.values()];
  }
}
