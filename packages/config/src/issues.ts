import type * as z from 'zod';
import type { ConfigErrorCode } from './errors.js';
import type { PathSegment, Problems } from './problem.js';

/** Wording of zod's built-in issues, so messages read like a config checker and not like a TS type dump. */
export function schemaMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'required' : `expected ${article(iss.expected)}, got ${describe(iss.input)}`;
    case 'invalid_value':
      return `expected one of ${iss.values.map((v) => String(v)).join(', ')}, got ${describe(iss.input)}`;
    case 'too_small':
      return `expected at least ${String(iss.minimum)}`;
    case 'too_big':
      return `expected at most ${String(iss.maximum)}`;
    default:
      return undefined;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    int: 'an integer',
    number: 'a number'
  };
  return names[expected] ?? `a ${expected}`;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `'${input}'`;
  return String(input);
}

/** Records zod issues (paths relative to `base`) as problems; custom issues keep the code in their params. */
export function addIssues(problems: Problems, base: readonly PathSegment[], issues: readonly z.core.$ZodIssue[]): void {
  for (const iss of issues) {
    const path = [...base, ...(iss.path as PathSegment[])];
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) problems.add('CONFIG_ERR_SCHEMA', [...path, key], `unknown key '${key}'`, 'key');
      continue;
    }
    const tagged = iss.code === 'custom' ? (iss.params?.['code'] as ConfigErrorCode | undefined) : undefined;
    problems.add(tagged ?? 'CONFIG_ERR_SCHEMA', path, iss.message);
  }
}

/** Parses `value` with `schema`, recording issues; undefined when invalid. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  value: unknown,
  problems: Problems,
  base: readonly PathSegment[]
): T | undefined {
  const r = schema.safeParse(value, { error: schemaMessage });
  if (r.success) return r.data;
  addIssues(problems, base, r.error.issues);
  return undefined;
}

/** An entry of a list that parsed, with its index in the file. */
export interface Indexed<T> {
  readonly index: number;
  readonly value: T;
}

/** Parses each list entry alone, so one bad entry does not hide the others' errors. */
export function parseList<T>(
  schema: z.ZodType<T>,
  items: readonly unknown[] | undefined,
  problems: Problems,
  base: PathSegment
): Indexed<T>[] {
  const out: Indexed<T>[] = [];
  (items ?? []).forEach((item, index) => {
    const value = parseWith(schema, item, problems, [base, index]);
    if (value !== undefined) out.push({ index, value });
  });
  return out;
}
