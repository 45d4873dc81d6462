import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import {
  assertEveryPackageHasALayer,
  forbiddenImportPatterns,
  layers,
  purePackages,
  realTimeFiles
} from './eslint/layers.js';
import { workspaceResolver } from './eslint/workspace-resolver.js';

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), 'packages');
assertEveryPackageHasALayer(packagesDir);

// Pure packages (DESIGN.md §2, L0–L2) take bytes and events in and give bytes and events out:
// no sockets, files, threads, ws or pino, so they run identically in tests, one thread or a worker.
const ioModules = [
  'net',
  'dgram',
  'http',
  'https',
  'http2',
  'fs',
  'fs/promises',
  'worker_threads',
  'child_process',
  'cluster',
  'tls'
];
const ioImports = [
  ...ioModules.flatMap((m) => [
    { name: m, message: 'Pure packages do no I/O (DESIGN.md §2).' },
    { name: `node:${m}`, message: 'Pure packages do no I/O (DESIGN.md §2).' }
  ]),
  ...['perf_hooks', 'node:perf_hooks', 'timers', 'node:timers', 'timers/promises', 'node:timers/promises'].map(
    (name) => ({ name, message: 'Pure packages read time only from the injected Clock (DESIGN.md §3).' })
  ),
  { name: 'ws', message: 'Pure packages do no I/O: use the Transport interface.' },
  { name: 'pino', message: 'Pure packages log through the Logger interface.' }
];

// Pure packages read time from the injected Clock and randomness from a seeded Random, so a seed replays a run
// event for event (DESIGN.md §3, STYLE.md §7).
const clockMessage = 'Pure packages read time and schedule work only through the injected Clock (DESIGN.md §3).';
const randomMessage = 'Pure packages draw randomness from a seeded Random (seededRandom in @swarmsim/interface).';
const timerGlobals = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'];
const realTimeRules = {
  'no-restricted-globals': [
    'error',
    ...timerGlobals.map((name) => ({ name, message: clockMessage })),
    { name: 'performance', message: clockMessage }
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: clockMessage },
    { object: 'performance', property: 'now', message: clockMessage },
    { object: 'Math', property: 'random', message: randomMessage },
    ...['globalThis', 'global', 'window', 'self'].flatMap((object) =>
      [...timerGlobals, 'performance'].map((property) => ({ object, property, message: clockMessage }))
    )
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
    { selector: "CallExpression[callee.name='Date']", message: clockMessage }
  ]
};

// Import direction (DESIGN.md §2), generated per package from eslint/layers.js. Flat config replaces a rule's
// options rather than merging them, so a pure package's I/O bans live in the same entry as its layer bans.
const importDirection = Object.keys(layers).flatMap((pkg) => [
  {
    files: [`packages/${pkg}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: purePackages.includes(pkg) ? ioImports : [], patterns: forbiddenImportPatterns(pkg) }
      ]
    }
  },
  {
    files: [`packages/${pkg}/test/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenImportPatterns(pkg, { test: true }) }] }
  }
]);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  ...importDirection,
  {
    files: purePackages.map((p) => `packages/${p}/src/**/*.ts`),
    ignores: realTimeFiles,
    rules: realTimeRules
  },
  // Every package declares what it imports (eslint-plugin-import-x): src/ in `dependencies` (peer deps count),
  // tests, scripts and root config files in `dependencies` or `devDependencies`, each against its nearest
  // package.json (packages/x/test → packages/x/package.json, root test/ → the root's). Type-only imports count too:
  // `tsc -b` needs them resolvable from the package. Relative imports may not reach into another package.
  {
    files: ['**/*.{ts,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        workspaceResolver(packagesDir),
        createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } })
      ]
    },
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          // Relative to the repository root, so a checkout under some …/test/ folder stays strict.
          devDependencies: ['packages/*/test/**', 'test/**', 'scripts/**', 'eslint/**', '*.config.{js,ts}'],
          includeInternal: true,
          includeTypes: true
        }
      ],
      'import-x/no-relative-packages': 'error'
    }
  }
);
