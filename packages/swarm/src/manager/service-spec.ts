import { SwarmError } from '../errors.js';
import { parseConstraints } from '../scheduler/constraints.js';
import type { Store } from '../store/store.js';
import type { ServiceSpec, SwarmNetwork } from '../types.js';
import { checkImage, checkNoIngress, checkPorts, checkServiceName } from './spec-checks.js';

/**
 * Checks a service spec in swarmkit's order (controlapi CreateService: the spec, then its networks) and resolves
 * its networks to ids (by id or name); every refusal is a SwarmError with Docker's message.
 */
export function validateServiceSpec(store: Store, spec: ServiceSpec, selfId?: string): string[] {
  checkServiceName(spec.name);
  checkImage(spec.image);
  parseConstraints(spec.constraints ?? []);
  if (spec.mode === 'global' && spec.replicas !== undefined) {
    throw new SwarmError({ code: 'SWARM_ERR_INVALID_SPEC', field: 'replicas', reason: 'replicas on a global service' });
  }
  const replicas = spec.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new SwarmError({ code: 'SWARM_ERR_INVALID_SPEC', field: 'replicas', reason: 'not a non-negative integer' });
  }
  checkPorts(spec.ports ?? []);
  const clash = store.list('service').find((s) => s.spec.name === spec.name && s.id !== selfId);
  if (clash !== undefined) throw new SwarmError({ code: 'SWARM_ERR_NAME_CONFLICT', kind: 'service', name: spec.name });
  const networks = (spec.networks ?? []).map((ref) => resolveNetwork(store, ref));
  checkNoIngress(networks);
  return networks.map((n) => n.id);
}

/** A network by id or name. */
export function resolveNetwork(store: Store, ref: string): SwarmNetwork {
  const net = store.get('network', ref) ?? store.list('network').find((n) => n.name === ref);
  if (net === undefined) throw new SwarmError({ code: 'SWARM_ERR_NOT_FOUND', kind: 'network', ref });
  return net;
}

/** True when the change between two specs needs new tasks (a task template or endpoint change). */
export function templateChanged(a: ServiceSpec, b: ServiceSpec): boolean {
  const template = (s: ServiceSpec) =>
    JSON.stringify([
      s.image,
      s.env ?? [],
      s.networks ?? [],
      s.constraints ?? [],
      s.ports ?? [],
      s.endpointMode ?? 'vip'
    ]);
  return template(a) !== template(b);
}
