import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources, so a test never runs stale dist/ output.
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
// `@swarmsim/x` → src/index.ts, `@swarmsim/x/sub` → src/sub/index.ts (the packages' subpath exports).
const alias = readdirSync(packagesDir).flatMap((name) => [
  { find: new RegExp(`^@swarmsim/${name}$`), replacement: `${packagesDir}${name}/src/index.ts` },
  { find: new RegExp(`^@swarmsim/${name}/(.+)$`), replacement: `${packagesDir}${name}/src/$1/index.ts` }
]);

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000
  }
});
