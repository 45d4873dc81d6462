import { SwarmError } from '../errors.js';
import type { SwarmNode } from '../types.js';

/** A parsed placement constraint. */
export interface Constraint {
  /** `node.role`, `node.hostname`, `node.id` or `node.labels.<key>`. */
  key: string;
  op: '==' | '!=';
  value: string;
}

const SYNTAX = /^\s*([\w.-]+)\s*(==|!=)\s*(.+?)\s*$/;

/** Parses `node.labels.zone==east`; throws SWARM_ERR_INVALID_CONSTRAINT for anything else. */
export function parseConstraint(text: string): Constraint {
  const m = SYNTAX.exec(text);
  const key = m?.[1]?.toLowerCase();
  const known = key === 'node.role' || key === 'node.hostname' || key === 'node.id' || key?.startsWith('node.labels.');
  if (m === null || key === undefined || !known || key === 'node.labels.') {
    throw new SwarmError({ code: 'SWARM_ERR_INVALID_CONSTRAINT', constraint: text });
  }
  // Label keys keep their case; the attribute names are case-insensitive as in swarmkit's constraint package.
  const realKey = key.startsWith('node.labels.') ? `node.labels.${m[1]!.slice('node.labels.'.length)}` : key;
  return { key: realKey, op: m[2] as '==' | '!=', value: m[3]! };
}

/** True when the node satisfies every constraint. */
export function matchesConstraints(node: SwarmNode, constraints: readonly Constraint[]): boolean {
  return constraints.every((c) => {
    const actual = attribute(node, c.key);
    // swarmkit: a missing label never equals anything, and is "not equal" to every value.
    const equal = actual !== undefined && actual.toLowerCase() === c.value.toLowerCase();
    return c.op === '==' ? equal : !equal;
  });
}

function attribute(node: SwarmNode, key: string): string | undefined {
  if (key === 'node.role') return node.role;
  if (key === 'node.hostname') return node.hostname;
  if (key === 'node.id') return node.id;
  return node.labels[key.slice('node.labels.'.length)];
}
