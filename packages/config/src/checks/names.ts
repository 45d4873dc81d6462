import type { Indexed } from '../issues.js';
import type { ParsedConfig } from '../parsed-config.js';
import type { Problems } from '../problem.js';

// Networks every swarm node already has (docker network ls after swarm init).
const PREDEFINED_NETWORKS: readonly string[] = ['bridge', 'host', 'none', 'ingress', 'docker_gwbridge'];

function checkUnique(
  list: readonly Indexed<{ name: string }>[],
  section: string,
  what: string,
  problems: Problems
): void {
  const seen = new Map<string, number>();
  for (const { index, value } of list) {
    const first = seen.get(value.name);
    if (first === undefined) seen.set(value.name, index);
    else
      problems.add(
        'CONFIG_ERR_DUPLICATE_NAME',
        [section, index, 'name'],
        `${what} '${value.name}' is already declared at ${section}[${first}]`
      );
  }
}

/** Names are unique per kind, and no network takes a predefined network's name. */
export function checkNames(config: ParsedConfig, problems: Problems): void {
  checkUnique(config.nodes, 'nodes', 'node', problems);
  checkUnique(config.networks, 'networks', 'network', problems);
  checkUnique(config.services, 'services', 'service', problems);
  checkUnique(config.containers, 'containers', 'container', problems);
  for (const { index, value } of config.networks) {
    if (PREDEFINED_NETWORKS.includes(value.name)) {
      problems.add(
        'CONFIG_ERR_DUPLICATE_NAME',
        ['networks', index, 'name'],
        `network with name ${value.name} already exists (predefined)`
      );
    }
  }
}
