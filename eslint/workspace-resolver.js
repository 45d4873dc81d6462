// An eslint-plugin-import-x resolver (interface v3) that maps `@swarmsim/x` to packages/x/src/index.ts and
// `@swarmsim/x/sub` to packages/x/src/sub/index.ts, as vitest.config.ts does: the packages' `exports` point at
// dist/, which does not exist before `tsc -b`, and an unresolved import is never checked by the dependency rule.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Creates the resolver for the workspace whose packages live in `packagesDir`. */
export function workspaceResolver(packagesDir) {
  return {
    interfaceVersion: 3,
    name: 'swarmsim-workspace',
    resolve(modulePath) {
      const match = /^@swarmsim\/([^/]+)(?:\/(.+))?$/.exec(modulePath);
      if (!match) return { found: false };
      const file = join(packagesDir, match[1], 'src', match[2] ?? '', 'index.ts');
      return existsSync(file) ? { found: true, path: file } : { found: false };
    }
  };
}
