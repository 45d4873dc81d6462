import type { ParsedConfig } from '../parsed-config.js';
import type { Problems } from '../problem.js';
import type { NodeSpec } from '../types.js';

/** At least one manager, and the leader flag only on one manager. */
export function checkRoles(config: ParsedConfig, problems: Problems): void {
  const managers = config.nodes.filter((n) => n.value.role === 'manager');
  if (config.allNodesParsed && managers.length === 0) {
    problems.add('CONFIG_ERR_NO_MANAGER', ['nodes'], 'no node has role manager: a swarm needs one to run swarm init');
  }
  let leader: number | undefined;
  for (const { index, value } of config.nodes) {
    if (value.leader !== true) continue;
    if (value.role !== 'manager') {
      problems.add('CONFIG_ERR_INVALID_LEADER', ['nodes', index, 'leader'], 'only a manager can be the leader');
    } else if (leader !== undefined) {
      problems.add('CONFIG_ERR_INVALID_LEADER', ['nodes', index, 'leader'], `nodes[${leader}] is already the leader`);
    } else {
      leader = index;
    }
  }
}

/** No two nodes share an underlay IP or a host address (defaults included). */
export function checkNodeAddresses(nodes: readonly { index: number; spec: NodeSpec }[], problems: Problems): void {
  for (const key of ['underlayIp', 'hostAddress'] as const) {
    const seen = new Map<string, number>();
    for (const { index, spec } of nodes) {
      const first = seen.get(spec[key]);
      if (first === undefined) seen.set(spec[key], index);
      else
        problems.add(
          'CONFIG_ERR_DUPLICATE_ADDRESS',
          ['nodes', index, key],
          `${key} ${spec[key]} is also used by nodes[${first}]`
        );
    }
  }
}
