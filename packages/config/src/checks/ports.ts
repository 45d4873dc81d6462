import type { ParsedConfig } from '../parsed-config.js';
import type { Problems } from '../problem.js';

interface Holder {
  readonly service: string;
  readonly index: number;
  readonly mode: 'ingress' | 'host';
}

/** `replicas` only with replicated mode, and dnsrr services publish no ingress port (swarmkit controlapi). */
export function checkServiceModes(config: ParsedConfig, problems: Problems): void {
  for (const { index, value } of config.services) {
    if (value.mode === 'global' && value.replicas !== undefined) {
      problems.add(
        'CONFIG_ERR_SCHEMA',
        ['services', index, 'replicas'],
        'replicas can only be used with replicated mode'
      );
    }
    if (value.endpointMode !== 'dnsrr') continue;
    value.ports.forEach((p, i) => {
      if (p.mode === 'ingress') {
        problems.add(
          'CONFIG_ERR_DNSRR_INGRESS',
          ['services', index, 'ports', i],
          "port published with ingress mode can't be used with dnsrr mode"
        );
      }
    });
  }
}

/**
 * A published port/protocol is held cluster-wide by ingress: a second service may not publish it in any mode,
 * and an ingress port may not reuse another service's host-mode port (swarmkit controlapi checkPortConflicts).
 */
export function checkServicePorts(config: ParsedConfig, problems: Problems): Map<string, Holder> {
  const held = new Map<string, Holder>();
  for (const { index, value } of config.services) {
    const mine = new Set<string>();
    value.ports.forEach((p, i) => {
      if (p.published === undefined) return;
      const key = `${p.published}/${p.protocol}`;
      const path = ['services', index, 'ports', i];
      const other = held.get(key);
      if (mine.has(key)) problems.add('CONFIG_ERR_PORT_CONFLICT', path, 'duplicate published ports provided');
      else if (other !== undefined && (other.mode === 'ingress' || p.mode === 'ingress')) {
        const as = other.mode === 'ingress' ? 'an ingress port' : 'a host-published port';
        problems.add(
          'CONFIG_ERR_PORT_CONFLICT',
          path,
          `port '${p.published}' is already in use by service '${other.service}' (services[${other.index}]) as ${as}`
        );
      }
      mine.add(key);
      if (other === undefined || p.mode === 'ingress') held.set(key, { service: value.name, index, mode: p.mode });
    });
  }
  return held;
}

/** Host ports of one node's containers are unique, and none takes a port the routing mesh holds on every node. */
export function checkContainerPorts(
  config: ParsedConfig,
  ingress: ReadonlyMap<string, Holder>,
  problems: Problems
): void {
  const bound = new Map<string, string>();
  for (const { index, value } of config.containers) {
    value.publish.forEach((p, i) => {
      if (p.hostPort === undefined) return;
      const key = `${p.hostPort}/${p.protocol}`;
      const path = ['containers', index, 'publish', i];
      const service = ingress.get(key);
      if (service?.mode === 'ingress' || bound.has(`${value.node} ${key}`)) {
        problems.add(
          'CONFIG_ERR_PORT_CONFLICT',
          path,
          `Bind for ${p.hostIp ?? '0.0.0.0'}:${p.hostPort} failed: port is already allocated`
        );
      }
      bound.set(`${value.node} ${key}`, value.name);
    });
  }
}
