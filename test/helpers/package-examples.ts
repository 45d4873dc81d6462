import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A library package of the workspace and the ```ts block of its `@packageDocumentation` `@example`, if any. */
export interface PackageExample {
  /** Directory name under packages/ (`gossip`). */
  pkg: string;
  /** The example's code without the JSDoc ` * ` margins, or undefined when the package has none. */
  code: string | undefined;
}

/**
 * Every library package (not `private`: bench and demo are programs without an index.ts) with its example. New
 * packages are picked up from packages/ as they appear (STYLE.md §1: each one opens with a runnable example).
 */
export function packageExamples(root: string): PackageExample[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .filter((pkg) => existsSync(join(packagesDir, pkg, 'package.json')))
    .filter((pkg) => JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8')).private !== true)
    .sort()
    .map((pkg) => {
      const index = join(packagesDir, pkg, 'src', 'index.ts');
      return { pkg, code: existsSync(index) ? extractExample(readFileSync(index, 'utf8')) : undefined };
    });
}

/** The first ```ts block after `@example` in the `@packageDocumentation` comment of `source`. */
export function extractExample(source: string): string | undefined {
  const doc = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)].find((m) => m[1]!.includes('@packageDocumentation'));
  if (!doc) return undefined;
  const text = doc[1]!
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
  return /@example\s*\n```ts\n([\s\S]*?)\n```/.exec(text)?.[1];
}

/**
 * Compiler options for the examples: tsconfig.base.json's (strict, noUncheckedIndexedAccess, NodeNext …) with
 * `@swarmsim/x` and its subpath exports mapped to the workspace sources, as vitest.config.ts maps them.
 */
export function exampleCompilerOptions(root: string): ts.CompilerOptions {
  const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, root);
  const paths: Record<string, string[]> = { '@swarmsim/*': ['packages/*/src/index.ts'] };
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const manifest = join(root, 'packages', pkg, 'package.json');
    if (!existsSync(manifest)) continue;
    const exports = Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).exports ?? {});
    for (const sub of exports.filter((e) => e.startsWith('./'))) {
      paths[`@swarmsim/${pkg}/${sub.slice(2)}`] = [`packages/${pkg}/src/${sub.slice(2)}/index.ts`];
    }
  }
  return {
    ...options,
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    noEmit: true,
    types: ['node'],
    baseUrl: root,
    paths
  };
}

/** Type errors of each file in `files`, formatted with file:line:col, keyed by file. */
export function typecheck(files: readonly string[], options: ts.CompilerOptions, root: string): Map<string, string> {
  const program = ts.createProgram({ rootNames: [...files], options });
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n'
  };
  return new Map(
    files.map((file) => {
      const sf = program.getSourceFile(file);
      const diagnostics = sf ? ts.getPreEmitDiagnostics(program, sf) : [];
      return [file, ts.formatDiagnostics(diagnostics, host)];
    })
  );
}
