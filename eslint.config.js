import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Pure packages (DESIGN.md §2, L0–L2) take bytes and events in and give bytes and events out:
// no sockets, files, threads, ws or pino, so they run identically in tests, one thread or a worker.
const purePackages = ['interface', 'addr', 'packet', 'netmodel', 'lb', 'dns', 'gossip', 'swarm', 'config'];
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

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: purePackages.map((p) => `packages/${p}/src/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...ioModules.flatMap((m) => [
              { name: m, message: 'Pure packages do no I/O (DESIGN.md §2).' },
              { name: `node:${m}`, message: 'Pure packages do no I/O (DESIGN.md §2).' }
            ]),
            { name: 'ws', message: 'Pure packages do no I/O: use the Transport interface.' },
            { name: 'pino', message: 'Pure packages log through the Logger interface.' }
          ]
        }
      ]
    }
  }
);
