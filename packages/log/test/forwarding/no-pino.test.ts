import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forwardingLogger } from '../../src/forwarding/index.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g;

/** Every module specifier reachable from `entry` through relative imports, and the files visited. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else packages.add(spec!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('@swarmsim/log/forwarding', () => {
  it('reaches no pino module, so the worker bundle stays pino-free', () => {
    const { files, packages } = importGraph(resolve(src, 'forwarding/index.ts'));
    expect(files.size).toBeGreaterThan(3);
    expect([...packages]).toEqual(['@swarmsim/interface']);
    expect([...files].some((f) => f.endsWith('create-logger.ts'))).toBe(false);
  });

  it('is the module the package subpath export names', async () => {
    const byName = await import('@swarmsim/log/forwarding');
    expect(byName.forwardingLogger).toBe(forwardingLogger);
  });
});
