import { isPort, parseImageReference, parseServiceName } from '@swarmsim/config';
import { SwarmError } from '../errors.js';
import type { NodeAvailability, PortSpec, SwarmNetwork } from '../types.js';

/** swarmkit controlapi validateAnnotations: a service name is a DNS label; throws SWARM_ERR_INVALID_NAME. */
export function checkServiceName(name: string): void {
  const r = parseServiceName(name);
  if (!r.ok) throw new SwarmError({ code: 'SWARM_ERR_INVALID_NAME', name, reason: r.detail });
}

/** swarmkit controlapi validateImage: a reference `docker pull` takes; throws SWARM_ERR_INVALID_IMAGE. */
export function checkImage(image: string): void {
  if (!parseImageReference(image).ok) throw new SwarmError({ code: 'SWARM_ERR_INVALID_IMAGE', image });
}

/** A target port in 1..65535, a published port in 0..65535 (0 or none: picked from 30000); SWARM_ERR_INVALID_PORT. */
export function checkPorts(ports: readonly PortSpec[]): void {
  for (const p of ports) {
    if (!isPort(p.targetPort))
      throw new SwarmError({ code: 'SWARM_ERR_INVALID_PORT', field: 'target', port: p.targetPort });
    const published = p.publishedPort ?? 0;
    if (published !== 0 && !isPort(published))
      throw new SwarmError({ code: 'SWARM_ERR_INVALID_PORT', field: 'published', port: published });
  }
}

/** swarmkit controlapi validateNetworks: ingress is attached for published ports, never by name. */
export function checkNoIngress(networks: readonly SwarmNetwork[]): void {
  const ingress = networks.find((n) => n.ingress);
  if (ingress !== undefined) throw new SwarmError({ code: 'SWARM_ERR_INGRESS_ATTACHMENT', network: ingress.name });
}

const AVAILABILITIES: readonly string[] = ['active', 'pause', 'drain'] satisfies NodeAvailability[];

/** moby daemon/cluster/convert NodeSpecToGRPC: any case of active|pause|drain; SWARM_ERR_INVALID_AVAILABILITY. */
export function parseAvailability(availability: string): NodeAvailability {
  const lower = String(availability).toLowerCase();
  if (!AVAILABILITIES.includes(lower)) throw new SwarmError({ code: 'SWARM_ERR_INVALID_AVAILABILITY', availability });
  return lower as NodeAvailability;
}
