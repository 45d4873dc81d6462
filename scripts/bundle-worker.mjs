// Bundles the node worker entry (packages/node/dist/worker.js, built by `tsc -b`) into one ESM file.
// Why: a worker thread that imports ~300 small ES modules spends most of its boot resolving and reading them
// (≈ 200 ms per worker on a 2-core machine); one file loads in a fraction of that and keeps RSS per node low.
import { build } from 'esbuild';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const dist = fileURLToPath(new URL('../packages/node/dist/', import.meta.url));

await build({
  entryPoints: [`${dist}worker.js`],
  outfile: `${dist}worker.bundle.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // SWARMSIM_BUNDLE_MINIFY=0 keeps names readable in CPU profiles of node workers.
  minify: process.env.SWARMSIM_BUNDLE_MINIFY !== '0',
  keepNames: true,
  // Optional native accelerators: loaded from node_modules when installed, skipped (as their packages allow) when not.
  external: ['msgpackr-extract', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS (ws, ipaddr.js) calls require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __swarmsimCreateRequire } from 'node:module';\nconst require = __swarmsimCreateRequire(import.meta.url);"
  }
});
