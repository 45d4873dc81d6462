import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleCompilerOptions, packageExamples, typecheck } from './helpers/package-examples.js';

// The example that opens every package's index.ts doubles as its README (STYLE.md §1), so it must compile against
// the workspace as it is, and run where that is cheap.
const root = new URL('..', import.meta.url).pathname;
// Under the repository (so dns-packet & co. resolve from node_modules) and git-ignored (/tmp/ in .gitignore).
const dir = join(root, 'tmp', 'package-examples');
const examples = packageExamples(root);
const file = (pkg: string) => join(dir, `${pkg}.ts`);

// Examples that are typechecked but not run, and why. Every other example runs.
const typecheckOnly: Record<string, string> = {
  'transport-ws': 'binds real WebSocket servers on loopback'
};

let errors = new Map<string, string>();

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const written = examples.filter((e) => e.code !== undefined);
  for (const e of written) writeFileSync(file(e.pkg), `${e.code}\nexport {};\n`);
  errors = typecheck(
    written.map((e) => file(e.pkg)),
    exampleCompilerOptions(root),
    root
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the @example of every package index.ts', () => {
  it('finds the packages', () => {
    expect(examples.map((e) => e.pkg)).toEqual(expect.arrayContaining(['interface', 'gossip', 'cluster']));
  });

  it.each(examples.map((e) => e.pkg))('%s has a ```ts @example in its @packageDocumentation', (pkg) => {
    expect(examples.find((e) => e.pkg === pkg)?.code, `packages/${pkg}/src/index.ts`).toBeDefined();
  });

  it.each(examples.filter((e) => e.code !== undefined).map((e) => e.pkg))('%s: the example typechecks', (pkg) => {
    expect(errors.get(file(pkg)), `packages/${pkg}/src/index.ts @example`).toBe('');
  });

  const runnable = examples.filter((e) => e.code !== undefined && !(e.pkg in typecheckOnly)).map((e) => e.pkg);
  it.each(runnable)('%s: the example runs to completion', async (pkg) => {
    // The examples print what they show; keep the test output to the results.
    const quiet = ['log', 'info', 'warn', 'error'].map((m) =>
      vi.spyOn(console, m as 'log').mockImplementation(() => undefined)
    );
    try {
      await expect(import(pathToFileURL(file(pkg)).href)).resolves.toBeDefined();
    } finally {
      for (const spy of quiet) spy.mockRestore();
    }
  });
});
