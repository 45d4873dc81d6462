import type { ConfigErrorCode } from './errors.js';

/** One segment of a key path: a map key or a sequence index. */
export type PathSegment = string | number;

/** A problem found before positions are known; `at: 'key'` points at the map key instead of its value. */
export interface Problem {
  readonly code: ConfigErrorCode;
  readonly path: readonly PathSegment[];
  readonly detail: string;
  readonly at?: 'key' | 'value';
}

/** `['services', 0, 'replicas']` → `services[0].replicas`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** A collector the checks push into; the parser turns its problems into located ConfigErrors. */
export class Problems {
  readonly list: Problem[] = [];

  /** Records one problem. */
  add(code: ConfigErrorCode, path: readonly PathSegment[], detail: string, at?: 'key' | 'value'): void {
    this.list.push(at === undefined ? { code, path, detail } : { code, path, detail, at });
  }
}
