import type { Parsed } from './ports.js';
import type { ConstraintSpec } from './types.js';

// swarmkit manager/constraint/constraint.go, the one grammar of `--constraint` (config, API and scheduler):
// the first operator found splits the text; the key is alphanumeric-ish (at least two characters), the value
// is alphanumeric plus a few punctuation marks and must not be empty. Any key of that shape parses: a key the
// scheduler does not know matches no node, so its tasks stay pending ("no suitable node"), as in Docker.
const OPERATORS = ['==', '!='] as const;
const KEY = /^[a-z_][a-z0-9\-_.]+$/i;
// Go's `\s` is ASCII whitespace only, hence the explicit class.
const VALUE = /^[a-z0-9:\-_\t\n\f\r .*()?+[\]\\^$|/]+$/i;

/**
 * Parses a placement constraint such as `node.labels.zone==a` or `node.hostname != node-1` exactly as swarmkit's
 * `constraint.Parse` does, refusing with its wording (`key 'x' is invalid`, `value 'x' is invalid`, …).
 */
export function parseConstraint(text: string): Parsed<ConstraintSpec> {
  for (const operator of OPERATORS) {
    const at = text.indexOf(operator);
    if (at < 0) continue;
    const key = text.slice(0, at).trim();
    if (!KEY.test(key)) return { ok: false, detail: `key '${key}' is invalid` };
    const value = text.slice(at + operator.length).trim();
    if (!VALUE.test(value)) return { ok: false, detail: `value '${value}' is invalid` };
    return { ok: true, value: { key, operator, value } };
  }
  return { ok: false, detail: `constraint expected one operator from ${OPERATORS.join(', ')}` };
}

/** The text form `<key><op><value>` that {@link parseConstraint} reads back to the same constraint. */
export function formatConstraint(c: ConstraintSpec): string {
  return `${c.key}${c.operator}${c.value}`;
}
