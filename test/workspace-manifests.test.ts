import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What ESLint's import-x/no-extraneous-dependencies cannot see: `tsc -b` builds a package only after the projects
// in its tsconfig `references`, so they must be exactly its @swarmsim dependencies, and one dependency declared
// in several manifests must ask for one version so the workspace installs it once.
const root = new URL('..', import.meta.url).pathname;
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const packages = readdirSync(join(root, 'packages')).filter((p) =>
  existsSync(join(root, 'packages', p, 'package.json'))
);

interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifests = new Map<string, Manifest>([
  ['(root)', readJson('package.json')],
  ...packages.map((p): [string, Manifest] => [p, readJson(`packages/${p}/package.json`)])
]);

describe('workspace manifests', () => {
  it.each(packages)("%s: tsconfig references are exactly its package.json's @swarmsim dependencies", (pkg) => {
    const deps = Object.keys(manifests.get(pkg)!.dependencies ?? {})
      .filter((d) => d.startsWith('@swarmsim/'))
      .map((d) => `../${d.slice('@swarmsim/'.length)}`);
    const refs = (readJson(`packages/${pkg}/tsconfig.json`).references ?? []).map((r: { path: string }) => r.path);
    expect([...refs].sort()).toEqual([...deps].sort());
  });

  it('the root tsconfig.json references every package', () => {
    const refs = readJson('tsconfig.json').references.map((r: { path: string }) => r.path);
    expect([...refs].sort()).toEqual(packages.map((p) => `packages/${p}`).sort());
  });

  it('every dependency has one version across the workspace, and @swarmsim ones the package version', () => {
    const specs = new Map<string, Set<string>>();
    const wrong: string[] = [];
    for (const [where, m] of manifests) {
      for (const [name, spec] of Object.entries({ ...m.dependencies, ...m.devDependencies })) {
        if (name.startsWith('@swarmsim/')) {
          const target = manifests.get(name.slice('@swarmsim/'.length));
          if (target?.version !== spec) wrong.push(`${where}: ${name}@${spec}`);
        } else {
          specs.set(name, (specs.get(name) ?? new Set()).add(spec));
        }
      }
    }
    const split = [...specs].filter(([, s]) => s.size > 1).map(([name, s]) => `${name}: ${[...s].join(' vs ')}`);
    expect({ wrong, split }).toEqual({ wrong: [], split: [] });
  });
});
