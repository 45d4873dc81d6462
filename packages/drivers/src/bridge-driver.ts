import type { Ipam, IpamPool } from '@swarmsim/addr';
import type { Bridge, Namespace } from '@swarmsim/netmodel';
import { macFromIpv4 } from '@swarmsim/packet';
import { applyRules, bridgeRules, internalRules, publishRules, removeRules } from './docker-firewall.js';
import { DriverError } from './errors.js';

/** `docker network create -d bridge` options. */
export interface BridgeNetworkOptions {
  /** Linux bridge name. @default `br-<name>` (Docker uses `br-` + the network id's first 12 characters) */
  bridgeName?: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  /** com.docker.network.bridge.enable_icc. @default true (docker_gwbridge sets false) */
  icc?: boolean;
  /** com.docker.network.bridge.enable_ip_masquerade. @default true */
  masquerade?: boolean;
  /** `--internal`: no masquerade, no default route, traffic to or from other subnets dropped. @default false */
  internal?: boolean;
}

/** A bridge network on one host. */
export interface BridgeNetwork {
  name: string;
  bridge: Bridge;
  pool: IpamPool;
  prefixLength: number;
  icc: boolean;
  /** Created with `--internal`. */
  internal: boolean;
  endpoints: Set<BridgeEndpoint>;
  /** The iptables commands this network added, removed again with it. */
  rules: string[];
}

/** One published port, `-p hostPort:containerPort/protocol`. */
export interface PortMapping {
  hostPort: number;
  containerPort: number;
  /** @default 'tcp' */
  protocol?: 'tcp' | 'udp';
}

/** A container's attachment to a bridge network. */
export interface BridgeEndpoint {
  network: BridgeNetwork;
  ns: Namespace;
  ifName: string;
  ip: string;
  mac: string;
  hostVeth: string;
  ports: PortMapping[];
  rules: string[];
}

/** Options of {@link BridgeDriver.connect}, as `docker run --network … --ip … -p …`. */
export interface ConnectOptions {
  ip?: string;
  publish?: PortMapping[];
  /** Container-side interface name. @default `eth<number of non-loopback interfaces>` */
  ifName?: string;
  /** Add a default route via the gateway when the container has none. @default true (false on internal networks) */
  defaultRoute?: boolean;
}

/**
 * Docker's bridge driver on netmodel: one Linux bridge per network with the gateway address, a veth per
 * container (host end enslaved, container end `ethN` with MAC 02:42 + IP), Docker's iptables rules, and
 * addresses from the local IPAM space (lowest free, released on disconnect).
 */
export class BridgeDriver {
  private readonly networks = new Map<string, BridgeNetwork>();
  private readonly publishedPorts = new Map<string, BridgeEndpoint>();
  private vethCounter = 0;

  constructor(
    private readonly host: Namespace,
    private readonly ipam: Ipam
  ) {}

  /** `docker network create`: allocates the subnet, creates the bridge with the gateway, adds the rules. */
  createNetwork(name: string, options: BridgeNetworkOptions = {}): BridgeNetwork {
    if (this.networks.has(name))
      throw new DriverError(
        { code: 'DRIVER_ERR_NETWORK_EXISTS', network: name },
        `network with name ${name} already exists`
      );
    const pool = this.ipam.requestPool({
      scope: 'local',
      subnet: options.subnet,
      gateway: options.gateway,
      ipRange: options.ipRange
    });
    const prefixLength = Number(pool.subnet.split('/')[1]);
    const bridgeName = options.bridgeName ?? `br-${name}`.slice(0, 15);
    const bridge = this.host.addBridge(bridgeName);
    this.host.addAddress(bridgeName, `${pool.gateway}/${prefixLength}`);
    this.host.setUp(bridgeName);
    const icc = options.icc ?? true;
    const internal = options.internal ?? false;
    const rules = bridgeRules(bridgeName, pool.subnet, { icc, masquerade: !internal && (options.masquerade ?? true) });
    if (internal) rules.push(...internalRules(bridgeName, pool.subnet));
    applyRules(this.host.netfilter, rules);
    const network: BridgeNetwork = { name, bridge, pool, prefixLength, icc, internal, endpoints: new Set(), rules };
    this.networks.set(name, network);
    return network;
  }

  /** Looks a network up by name. */
  network(name: string): BridgeNetwork {
    const n = this.networks.get(name);
    if (n === undefined)
      throw new DriverError({ code: 'DRIVER_ERR_NO_SUCH_NETWORK', network: name }, `network ${name} not found`);
    return n;
  }

  /** Every network of this host, in creation order. */
  list(): BridgeNetwork[] {
    return [...this.networks.values()];
  }

  /** True when a network of that name exists. */
  has(name: string): boolean {
    return this.networks.has(name);
  }

  /** True when `hostPort` is already published for `protocol` on this host. */
  isPortPublished(hostPort: number, protocol: 'tcp' | 'udp' = 'tcp'): boolean {
    return this.publishedPorts.has(portKey({ hostPort, containerPort: 0, protocol }));
  }

  /** Connects a container namespace: veth, address, default route (first network), published ports. */
  connect(ns: Namespace, networkName: string, options: ConnectOptions = {}): BridgeEndpoint {
    const network = this.network(networkName);
    for (const p of options.publish ?? []) this.assertPortFree(p);
    const ip = this.ipam.requestAddress(network.pool.id, options.ip === undefined ? {} : { ip: options.ip });
    const ifName = options.ifName ?? `eth${ns.allInterfaces().filter((d) => d.kind !== 'loopback').length}`;
    const hostVeth = `veth${(++this.vethCounter).toString(16).padStart(7, '0')}`;
    const mac = macFromIpv4(ip);
    const [outside] = this.host.addVethPair(hostVeth, ifName, ns, { peerMac: mac });
    network.bridge.addPort(outside);
    this.host.setUp(hostVeth);
    ns.addAddress(ifName, `${ip}/${network.prefixLength}`);
    ns.setUp(ifName);
    const defaultRoute = options.defaultRoute ?? !network.internal;
    if (defaultRoute && ns.routes.lookup('0.0.0.0') === undefined) ns.routes.addDefault(network.pool.gateway, ifName);
    const ep: BridgeEndpoint = { network, ns, ifName, ip, mac, hostVeth, ports: [], rules: [] };
    for (const p of options.publish ?? []) this.publish(ep, p);
    network.endpoints.add(ep);
    return ep;
  }

  /** Disconnects: rules removed, veth deleted (both ends), address released. */
  disconnect(ep: BridgeEndpoint): void {
    removeRules(this.host.netfilter, ep.rules);
    for (const p of ep.ports) this.publishedPorts.delete(portKey(p));
    this.host.removeInterface(ep.hostVeth);
    ep.ns.routes.remove({ dev: ep.ifName });
    this.ipam.releaseAddress(ep.network.pool.id, ep.ip);
    ep.network.endpoints.delete(ep);
  }

  /** `docker network rm`: refused while containers are attached. */
  deleteNetwork(name: string): void {
    const network = this.network(name);
    if (network.endpoints.size > 0) {
      throw new DriverError(
        { code: 'DRIVER_ERR_NETWORK_IN_USE', network: name },
        `error while removing network: network ${name} has active endpoints`
      );
    }
    removeRules(this.host.netfilter, network.rules);
    this.host.removeInterface(network.bridge.name);
    this.ipam.releasePool(network.pool.id);
    this.networks.delete(name);
  }

  private publish(ep: BridgeEndpoint, p: PortMapping): void {
    const rules = publishRules(ep.network.bridge.name, ep.ip, p.protocol ?? 'tcp', p.hostPort, p.containerPort);
    applyRules(this.host.netfilter, rules);
    ep.rules.push(...rules);
    ep.ports.push(p);
    this.publishedPorts.set(portKey(p), ep);
  }

  private assertPortFree(p: PortMapping): void {
    if (this.publishedPorts.has(portKey(p))) {
      throw new DriverError(
        { code: 'DRIVER_ERR_PORT_ALLOCATED', port: p.hostPort },
        `Bind for 0.0.0.0:${p.hostPort} failed: port is already allocated`
      );
    }
  }
}

function portKey(p: PortMapping): string {
  return `${p.protocol ?? 'tcp'}/${p.hostPort}`;
}
