import { parseCidr, parseIpv4 } from '@swarmsim/addr';
import type { ConstraintSpec } from './types.js';

/** What a placement constraint looks at on a node (swarmkit's `api.Node`, reduced to those fields). */
export interface ConstraintTarget {
  readonly id: string;
  readonly hostname: string;
  /** `manager` or `worker`. */
  readonly role: string;
  /** The node's address (`Status.Addr`), which `node.ip` compares. */
  readonly addr: string;
  /** `Description.Platform`: `linux` / `x86_64` for a simulated node. */
  readonly platform: { readonly os: string; readonly architecture: string };
  /** Node labels (`docker node update --label-add`). */
  readonly labels: Readonly<Record<string, string>>;
  /** Engine labels (dockerd `--label`). @default {} */
  readonly engineLabels?: Readonly<Record<string, string>>;
}

const NODE_LABELS = 'node.labels.';
const ENGINE_LABELS = 'engine.labels.';

/** True when the node satisfies every constraint (swarmkit `constraint.NodeMatches`). */
export function nodeMatchesConstraints(node: ConstraintTarget, constraints: readonly ConstraintSpec[]): boolean {
  return constraints.every((c) => {
    const key = c.key.toLowerCase();
    if (key === 'node.ip') return matchesIp(node.addr, c);
    const actual = attribute(node, key, c.key);
    // swarmkit: a key it does not know matches no node, whatever the operator.
    return actual !== undefined && matches(c, actual);
  });
}

/** The value a (lower-cased) key reads; label names keep their case; undefined for an unknown key. */
function attribute(node: ConstraintTarget, key: string, written: string): string | undefined {
  if (key === 'node.id') return node.id;
  if (key === 'node.hostname') return node.hostname;
  if (key === 'node.role') return node.role;
  if (key === 'node.platform.os') return node.platform.os;
  if (key === 'node.platform.arch') return node.platform.architecture;
  // A missing label reads as '' (so `!=` holds and `==` fails: values are never empty).
  if (key.length > NODE_LABELS.length && key.startsWith(NODE_LABELS))
    return node.labels[written.slice(NODE_LABELS.length)] ?? '';
  if (key.length > ENGINE_LABELS.length && key.startsWith(ENGINE_LABELS))
    return node.engineLabels?.[written.slice(ENGINE_LABELS.length)] ?? '';
  return undefined;
}

/** swarmkit `Constraint.Match`: whole-string, case-insensitive equality, negated by `!=`. */
function matches(c: ConstraintSpec, actual: string): boolean {
  const equal = c.value.toLowerCase() === actual.toLowerCase();
  return c.operator === '==' ? equal : !equal;
}

/** `node.ip==192.168.99.100` or `node.ip!=192.168.99.0/24`; a malformed address matches no node. */
function matchesIp(addr: string, c: ConstraintSpec): boolean {
  const ip = parseIpv4(addr);
  const single = parseIpv4(c.value);
  const subnet = single === undefined ? parseCidr(c.value) : undefined;
  if (single === undefined && subnet === undefined) return false;
  const within = ip !== undefined && (single !== undefined ? ip === single : ip >= subnet!.start && ip <= subnet!.end);
  return c.operator === '==' ? within : !within;
}
