import type { Ipv4Prefix } from '@swarmsim/addr';
import type { Indexed } from './issues.js';
import { hostAddressAt, underlayAddressAt } from './node-addresses.js';
import { DEFAULT_ADDRESS_POOLS, type ParsedConfig } from './parsed-config.js';
import type { NodeInput } from './schema/node.js';
import type { ServiceInput } from './schema/service.js';
import type { ClusterSpec, GossipTimerName, NodeSpec, ServiceSpec } from './types.js';

/**
 * Nodes with their defaults: addresses by position in the file (in `underlay`, and one loopback address each so
 * every node can bind the same published port, DESIGN.md §4), leader = the flagged or else the first manager.
 * The caller has checked that every defaulted position has an address (checks/node-addresses.ts).
 */
export function resolveNodes(
  nodes: readonly Indexed<NodeInput>[],
  underlay: Ipv4Prefix
): { index: number; spec: NodeSpec }[] {
  const flagged = nodes.some((n) => n.value.leader === true && n.value.role === 'manager');
  const firstManager = nodes.find((n) => n.value.role === 'manager')?.index;
  return nodes.map(({ index, value }) => ({
    index,
    spec: {
      name: value.name,
      role: value.role,
      leader: flagged ? value.leader === true : index === firstManager,
      labels: value.labels,
      availability: value.availability,
      underlayIp: value.underlayIp ?? underlayAddressAt(underlay, index)!,
      underlayPrefix: underlay.prefixLength,
      hostAddress: value.hostAddress ?? hostAddressAt(index)!
    }
  }));
}

/** A service with its mode resolved and durations in milliseconds. */
export function resolveService(value: ServiceInput): ServiceSpec {
  const { restartPolicy: r, updateConfig: u } = value;
  return {
    name: value.name,
    image: value.image,
    mode: value.mode === 'global' ? { type: 'global' } : { type: 'replicated', replicas: value.replicas ?? 1 },
    networks: value.networks,
    endpointMode: value.endpointMode,
    ports: value.ports,
    constraints: value.constraints,
    restartPolicy: { condition: r.condition, delayMs: r.delay, maxAttempts: r.maxAttempts, windowMs: r.window },
    updateConfig: {
      parallelism: u.parallelism,
      delayMs: u.delay,
      order: u.order,
      failureAction: u.failureAction,
      monitorMs: u.monitor
    }
  };
}

/** The resolved spec of a config that passed every check. */
export function resolveSpec(config: ParsedConfig, nodes: readonly NodeSpec[]): ClusterSpec {
  return {
    nodes,
    gossip: config.gossip ?? { preset: 'lan', overrides: {} },
    defaultAddressPools:
      config.pools.length > 0 ? config.pools.map((p) => p.value) : DEFAULT_ADDRESS_POOLS.map((p) => ({ ...p })),
    networks: config.networks.map((n) => stripUndefined(n.value)),
    services: config.services.map((s) => resolveService(s.value)),
    containers: config.containers.map((c) => stripUndefined(c.value))
  };
}

/** Drops keys whose value is undefined, so a resolved spec compares equal to a hand-written one. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The gossip section as preset + overrides. */
export function toGossipSpec(
  value: { preset: 'lan' | 'local' } & Partial<Record<GossipTimerName, number>>
): ClusterSpec['gossip'] {
  const { preset, ...overrides } = value;
  return { preset, overrides: stripUndefined(overrides) };
}
