import { cidrToPrefix, Ipam } from '@swarmsim/addr';
import { SwarmError } from '../errors.js';
import type { Store } from '../store/store.js';
import { isTerminal } from '../task-state.js';
import type { SwarmNetwork, SwarmService, SwarmTask, TaskAttachment } from '../types.js';
import { PortAllocator } from './port-allocator.js';
import { VniAllocator } from './vni-allocator.js';

/** What `docker network create -d overlay` asks the allocator for. */
export interface NetworkRequest {
  name: string;
  /** Explicit subnet; omitted: the lowest free /24 of the default pool. */
  subnet?: string;
  gateway?: string;
  attachable?: boolean;
  internal?: boolean;
  labels?: Record<string, string>;
}

/** The parts of a service the allocator reads and writes (a draft works before the service is stored). */
export type AllocatableService = Pick<SwarmService, 'id' | 'spec' | 'networkIds' | 'endpoint'>;

/**
 * The manager's network allocator: subnets and VNIs for networks, ingress ports and VIPs for services,
 * serial addresses for tasks, and one LB address per node on each network it hosts tasks of
 * (swarmkit allocator/network.go, in its order).
 */
export class Allocator {
  /** Global-scope IPAM; `serial` allocation as swarm sets `ipam.serial=true`. */
  readonly ipam: Ipam;
  private readonly vnis = new VniAllocator();
  private readonly ports = new PortAllocator();

  constructor(
    private readonly store: Store,
    init: { ipam?: Ipam } = {}
  ) {
    this.ipam = init.ipam ?? new Ipam();
  }

  /**
   * Subnet, gateway and VNI of a new network. Ingress, created first, takes the first block of the default pool
   * (10.0.0.0/24 by default) like any network: swarmkit's newIngressNetwork asks for no subnet (manager/manager.go).
   */
  allocateNetwork(req: NetworkRequest, ingress = false): Omit<SwarmNetwork, 'id' | 'meta' | 'name'> {
    const subnet = req.subnet;
    const pool = this.ipam.requestPool({
      scope: 'global',
      serial: true,
      ...(subnet !== undefined ? { subnet } : {}),
      ...(req.gateway !== undefined ? { gateway: req.gateway } : {})
    });
    let vni: number;
    try {
      vni = this.vnis.allocate();
    } catch (err) {
      this.ipam.releasePool(pool.id);
      throw err;
    }
    return {
      ingress,
      attachable: req.attachable ?? false,
      internal: req.internal ?? false,
      labels: req.labels ?? {},
      subnet: pool.subnet,
      gateway: pool.gateway,
      vni,
      poolId: pool.id
    };
  }

  /** Frees a network's subnet and VNI. */
  releaseNetwork(net: SwarmNetwork): void {
    this.ipam.releasePool(net.poolId);
    this.vnis.release(net.vni);
  }

  /**
   * Ports then VIPs of a service: dnsrr with an ingress port is refused, ingress ports checked and assigned,
   * then one VIP per attached network in vip mode, the ingress VIP first when ports go through ingress.
   */
  allocateService(service: AllocatableService, ingressId: string): void {
    const { spec } = service;
    const ingressPorts = (spec.ports ?? []).filter((p) => (p.publishMode ?? 'ingress') === 'ingress');
    const first = ingressPorts[0];
    if (spec.endpointMode === 'dnsrr' && first !== undefined) {
      throw new SwarmError({ code: 'SWARM_ERR_DNSRR_INGRESS', port: first.publishedPort ?? 0 });
    }
    this.ports.release(service.id);
    service.endpoint.ports = this.ports.allocate({ serviceId: service.id, serviceName: spec.name }, spec.ports ?? []);
    const wanted = serviceNetworks(service, ingressId);
    const kept = service.endpoint.virtualIps.filter((v) => wanted.includes(v.networkId));
    for (const v of service.endpoint.virtualIps) if (!kept.includes(v)) this.releaseAddress(v.networkId, v.addr);
    if (spec.endpointMode === 'dnsrr') {
      service.endpoint.virtualIps = [];
      return;
    }
    service.endpoint.virtualIps = wanted.map(
      (networkId) => kept.find((v) => v.networkId === networkId) ?? { networkId, addr: this.address(networkId) }
    );
  }

  /** Frees a service's ports and VIPs. */
  releaseService(service: AllocatableService): void {
    this.ports.release(service.id);
    for (const v of service.endpoint.virtualIps) this.releaseAddress(v.networkId, v.addr);
    service.endpoint.virtualIps = [];
  }

  /** One serial address per network of the task's service (ingress first when it publishes ingress ports). */
  allocateTask(service: AllocatableService, ingressId: string): TaskAttachment[] {
    return serviceNetworks(service, ingressId).map((networkId) => ({
      networkId,
      addresses: [this.address(networkId)]
    }));
  }

  /** Frees a task's addresses. */
  releaseTask(task: SwarmTask): void {
    for (const n of task.networks) for (const a of n.addresses) this.releaseAddress(n.networkId, a);
    task.networks = [];
  }

  /** Gives a node its LB address on a network, once (ingress at join, others when a task lands there). */
  attachNode(nodeId: string, networkId: string): void {
    const node = this.store.must('node', nodeId);
    if (node.attachments[networkId] !== undefined) return;
    const addr = this.address(networkId);
    this.store.update('node', nodeId, (n) => (n.attachments[networkId] = addr));
  }

  /** Releases the LB addresses of non-ingress networks on which a node no longer has a live task. */
  releaseIdleNodeAttachments(ingressId: string): void {
    const live = new Set<string>();
    for (const t of this.store.list('task')) {
      if (t.nodeId === undefined || isTerminal(t.status.state)) continue;
      for (const n of t.networks) live.add(`${t.nodeId}/${n.networkId}`);
    }
    for (const node of this.store.list('node')) {
      const idle = Object.keys(node.attachments).filter((id) => id !== ingressId && !live.has(`${node.id}/${id}`));
      if (idle.length === 0) continue;
      for (const id of idle) this.releaseAddress(id, node.attachments[id]!);
      this.store.update('node', node.id, (n) => idle.forEach((id) => delete n.attachments[id]));
    }
  }

  /** Frees every address of a node (it left the swarm). */
  releaseNode(nodeId: string): void {
    const node = this.store.must('node', nodeId);
    for (const [networkId, addr] of Object.entries(node.attachments)) this.releaseAddress(networkId, addr);
  }

  /** The next serial address of a network, with its prefix length. */
  private address(networkId: string): string {
    const net = this.store.must('network', networkId);
    const ip = this.ipam.requestAddress(net.poolId);
    return `${ip}/${cidrToPrefix(net.subnet).prefixLength}`;
  }

  private releaseAddress(networkId: string, addr: string): void {
    const net = this.store.get('network', networkId);
    if (net !== undefined) this.ipam.releaseAddress(net.poolId, addr.split('/')[0]!);
  }
}

/** Network ids a service's tasks attach to: ingress first when it publishes ingress ports. */
export function serviceNetworks(service: AllocatableService, ingressId: string): string[] {
  const usesIngress = service.endpoint.ports.some((p) => p.publishMode === 'ingress');
  return usesIngress ? [ingressId, ...service.networkIds.filter((id) => id !== ingressId)] : [...service.networkIds];
}
