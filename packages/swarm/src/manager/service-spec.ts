import { SwarmError } from '../errors.js';
import { parseConstraint } from '../scheduler/constraints.js';
import type { Store } from '../store/store.js';
import type { ServiceSpec, SwarmNetwork } from '../types.js';

/** Checks a service spec and resolves its networks to ids (by id or name). */
export function validateServiceSpec(store: Store, spec: ServiceSpec, selfId?: string): string[] {
  if (spec.mode === 'global' && spec.replicas !== undefined) {
    throw new SwarmError({ code: 'SWARM_ERR_INVALID_SPEC', field: 'replicas', reason: 'replicas on a global service' });
  }
  const replicas = spec.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new SwarmError({ code: 'SWARM_ERR_INVALID_SPEC', field: 'replicas', reason: 'not a non-negative integer' });
  }
  for (const c of spec.constraints ?? []) parseConstraint(c);
  const clash = store.list('service').find((s) => s.spec.name === spec.name && s.id !== selfId);
  if (clash !== undefined) throw new SwarmError({ code: 'SWARM_ERR_NAME_CONFLICT', kind: 'service', name: spec.name });
  return (spec.networks ?? []).map((ref) => resolveNetwork(store, ref).id);
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
