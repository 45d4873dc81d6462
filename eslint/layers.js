// The layers of DESIGN.md §2 as data: every import-direction rule in eslint.config.js is generated from this one
// table, so a new package is one line here and a package that does not exist (yet) costs nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Layer of every workspace package (DESIGN.md §2). `APP` packages are top-level programs that import anything. */
export const APP = 7;
/** Highest layer a package's tests may reach whatever the package's own layer: the test helpers live at L3. */
export const TEST_HELPER_LAYER = 3;

/** @type {Record<string, number>} */
export const layers = {
  interface: 0,
  packet: 1,
  config: 1,
  addr: 1,
  clock: 1,
  netmodel: 2,
  lb: 2,
  dns: 2,
  gossip: 2,
  swarm: 2,
  drivers: 3,
  apps: 3,
  'transport-ws': 3,
  'transport-memory': 3,
  log: 3,
  testkit: 3,
  node: 4,
  cluster: 5,
  cli: 6,
  bench: APP,
  demo: APP
};

/**
 * The only same-layer edges (importer → imported). Every other import must point to a strictly lower layer.
 * @type {ReadonlyArray<readonly [string, string]>}
 */
export const sameLayerEdges = [
  // The one IPv4/CIDR parser: packet's IPv4 codec and config's subnet checks take addresses from it (issue 8).
  ['packet', 'addr'],
  ['config', 'addr']
];

/** Pure packages (DESIGN.md §2): L0–L2, no I/O, no real time, no unseeded randomness. */
export const purePackages = Object.keys(layers).filter((p) => layers[p] <= 2);

/** Files of pure packages that are the real-time edge on purpose, exempt from the no-real-time rule only. */
export const realTimeFiles = ['packages/clock/src/real-clock.ts'];

const layerName = (p) => (layers[p] === APP ? 'app' : `L${layers[p]}`);

/** Fails the lint run when packages/ holds a package the table does not place. */
export function assertEveryPackageHasALayer(packagesDir) {
  const unknown = readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(packagesDir, d.name, 'package.json')) && !(d.name in layers))
    .map((d) => d.name);
  if (unknown.length > 0) {
    throw new Error(`eslint/layers.js: give packages/${unknown.join(', packages/')} a layer (DESIGN.md §2)`);
  }
}

/**
 * `no-restricted-imports` patterns forbidding `from` to import the packages it may not: those at its own layer or
 * above (tests: above max(own layer, L3)), except itself and the allowlisted same-layer edges.
 */
export function forbiddenImportPatterns(from, { test = false } = {}) {
  const ceiling = test ? Math.max(layers[from], TEST_HELPER_LAYER + 1) : layers[from];
  const allowed = new Set(sameLayerEdges.filter(([a]) => a === from).map(([, b]) => b));
  const rule = test
    ? `tests import lower layers and anything up to L${TEST_HELPER_LAYER} (the test helpers)`
    : 'imports point only to lower layers';
  return Object.keys(layers)
    .filter((to) => to !== from && !allowed.has(to) && layers[to] >= ceiling)
    .map((to) => ({
      group: [`@swarmsim/${to}`, `@swarmsim/${to}/*`],
      message: `${from} (${layerName(from)}) may not import ${to} (${layerName(to)}): ${rule} (DESIGN.md §2; same-layer exceptions in eslint/layers.js).`
    }));
}
