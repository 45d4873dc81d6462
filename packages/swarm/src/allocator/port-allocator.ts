import { SwarmError } from '../errors.js';
import type { PortConfig, PortSpec } from '../types.js';

/** swarmkit's dynamic ingress port range (allocator/portallocator.go dynamicPortStart/End). */
export const DYNAMIC_PORT_START = 30000;
/** Last port of the dynamic range. */
export const DYNAMIC_PORT_END = 32767;

/** Who holds an ingress port. */
interface PortOwner {
  serviceId: string;
  serviceName: string;
}

/**
 * Cluster-wide ingress ports: every node listens on them (the routing mesh), so two services cannot share
 * one. Host-mode ports are the node's business and are not tracked here.
 */
export class PortAllocator {
  private readonly owners = new Map<string, PortOwner>();

  /** Allocates all ingress ports of a service at once, or none (a conflict leaves nothing behind). */
  allocate(owner: PortOwner, specs: readonly PortSpec[]): PortConfig[] {
    const configs = specs.map(normalize);
    for (const c of configs) this.checkFree(owner, c);
    const taken: string[] = [];
    try {
      for (const c of configs) {
        if (c.publishMode !== 'ingress') continue;
        if (c.publishedPort === 0) c.publishedPort = this.firstFree(c.protocol);
        const k = key(c.protocol, c.publishedPort);
        this.checkFree(owner, c);
        this.owners.set(k, owner);
        taken.push(k);
      }
    } catch (err) {
      for (const k of taken) this.owners.delete(k);
      throw err;
    }
    return configs;
  }

  /** Frees every port a service holds. */
  release(serviceId: string): void {
    for (const [k, o] of this.owners) if (o.serviceId === serviceId) this.owners.delete(k);
  }

  private checkFree(owner: PortOwner, c: PortConfig): void {
    if (c.publishMode !== 'ingress' || c.publishedPort === 0) return;
    const holder = this.owners.get(key(c.protocol, c.publishedPort));
    if (holder === undefined || holder.serviceId === owner.serviceId) return;
    throw new SwarmError({
      code: 'SWARM_ERR_PORT_IN_USE',
      port: c.publishedPort,
      protocol: c.protocol,
      serviceName: holder.serviceName,
      serviceId: holder.serviceId
    });
  }

  private firstFree(protocol: string): number {
    for (let p = DYNAMIC_PORT_START; p <= DYNAMIC_PORT_END; p++) if (!this.owners.has(key(protocol, p))) return p;
    throw new SwarmError({ code: 'SWARM_ERR_PORTS_EXHAUSTED', protocol });
  }
}

/** A port spec with Docker's defaults filled in. */
function normalize(spec: PortSpec): PortConfig {
  return {
    targetPort: spec.targetPort,
    publishedPort: spec.publishedPort ?? 0,
    protocol: spec.protocol ?? 'tcp',
    publishMode: spec.publishMode ?? 'ingress'
  };
}

function key(protocol: string, port: number): string {
  return `${protocol}/${port}`;
}
