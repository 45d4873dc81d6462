import type { Parsed } from './ports.js';
import type { ConstraintSpec } from './types.js';

// swarmkit manager/constraint/constraint.go: `key op value`, op in == and !=, spaces allowed around.
const EXPRESSION = /^\s*([A-Za-z0-9_.-]+)\s*(==|!=)\s*(\S(?:.*\S)?)\s*$/;
const FIXED_KEYS: readonly string[] = [
  'node.id',
  'node.hostname',
  'node.role',
  'node.platform.os',
  'node.platform.arch'
];
const LABEL_KEY = /^(?:node|engine)\.labels\.[A-Za-z0-9_.-]+$/;

/** Parses a placement constraint such as `node.labels.zone==a` or `node.hostname != node-1`. */
export function parseConstraint(text: string): Parsed<ConstraintSpec> {
  const m = EXPRESSION.exec(text);
  if (m === null)
    return { ok: false, detail: `invalid constraint '${text}': expected <key>==<value> or <key>!=<value>` };
  const key = m[1]!;
  if (!FIXED_KEYS.includes(key) && !LABEL_KEY.test(key)) {
    return {
      ok: false,
      detail: `invalid constraint key '${key}': expected ${FIXED_KEYS.join(', ')}, node.labels.<k> or engine.labels.<k>`
    };
  }
  return { ok: true, value: { key, operator: m[2] as '==' | '!=', value: m[3]! } };
}
