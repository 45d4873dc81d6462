import { parseConstraint, type ConstraintSpec } from '@swarmsim/config';
import { SwarmError } from '../errors.js';

/** Parses a service's constraints with the one grammar (config's, swarmkit's); throws SWARM_ERR_INVALID_CONSTRAINT. */
export function parseConstraints(texts: readonly string[]): ConstraintSpec[] {
  return texts.map((text) => {
    const r = parseConstraint(text);
    if (!r.ok) throw new SwarmError({ code: 'SWARM_ERR_INVALID_CONSTRAINT', constraint: text, reason: r.detail });
    return r.value;
  });
}
