import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { ConfigError, ConfigErrors } from './errors.js';
import { formatPath, Problems, type Problem } from './problem.js';
import { SourcePositions } from './source-positions.js';
import type { ClusterSpec } from './types.js';
import { validateConfig } from './validate.js';

/** Options of {@link parseClusterConfig}. */
export interface ParseOptions {
  /** Name used in error messages. @default 'cluster.config.yaml' */
  readonly file?: string;
}

// Caps alias expansion so `&a [*a, *a, …]` chains cannot blow up memory (the "billion laughs" document).
const MAX_ALIAS_COUNT = 100;

function located(file: string, positions: SourcePositions, p: Problem): ConfigError {
  const { line, col } = positions.locate(p.path, p.at);
  return new ConfigError({ code: p.code, file, line, col, path: formatPath(p.path) }, p.detail);
}

function yamlError(file: string, positions: SourcePositions, e: YAMLError): ConfigError {
  const { line, col } = positions.at(e.pos[0]);
  // The yaml package's own wording points at its API; a config file simply holds one document.
  const detail = e.code === 'MULTIPLE_DOCS' ? 'a config file holds a single YAML document; remove this ---' : e.message;
  return new ConfigError({ code: 'CONFIG_ERR_YAML', file, line, col, path: '' }, detail);
}

function sorted(errors: ConfigError[]): ConfigError[] {
  return errors.sort((a, b) => a.type.line - b.type.line || a.type.col - b.type.col);
}

/**
 * Parses and validates the text of a `cluster.config.yaml` into a resolved {@link ClusterSpec}.
 * Throws {@link ConfigErrors} holding every problem found, each a {@link ConfigError} with file:line:col.
 */
export function parseClusterConfig(text: string, options: ParseOptions = {}): ClusterSpec {
  const file = options.file ?? 'cluster.config.yaml';
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would otherwise print warnings (e.g. collection keys) to the process; such keys
  // surface here as unknown keys instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const positions = new SourcePositions(doc, lineCounter);
  if (doc.errors.length > 0) throw new ConfigErrors(file, sorted(doc.errors.map((e) => yamlError(file, positions, e))));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ConfigErrors(file, [
      new ConfigError({ code: 'CONFIG_ERR_YAML', file, line: 1, col: 1, path: '' }, detail)
    ]);
  }
  const problems = new Problems();
  // An empty file is an empty mapping, so the report says which keys are required.
  const spec = validateConfig(data ?? {}, problems);
  if (spec === undefined) throw new ConfigErrors(file, sorted(problems.list.map((p) => located(file, positions, p))));
  return spec;
}
