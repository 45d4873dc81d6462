import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every error code declared in a package's source must be documented in docs/errors.md, and every code in
// the doc must still exist in the source.
const root = new URL('..', import.meta.url).pathname;
const CODE = /\b[A-Z]+_ERR_[A-Z0-9_]+\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    if (!existsSync(src)) continue;
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(CODE)) codes.add(m[0]);
    }
  }
  return codes;
}

function codesInDoc(): Set<string> {
  const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
  // Only table rows whose first cell is a code count as documented.
  return new Set([...doc.matchAll(/^\| `([A-Z]+_ERR_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]!));
}

describe('docs/errors.md', () => {
  it('documents every error code in the source, and none that is gone', () => {
    const source = codesInSource();
    const doc = codesInDoc();
    expect(source.size).toBeGreaterThan(0);
    expect([...source].filter((c) => !doc.has(c)).sort()).toEqual([]);
    expect([...doc].filter((c) => !source.has(c)).sort()).toEqual([]);
  });
});
