import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './problem.js';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

interface Found {
  readonly node: Node | null;
  readonly key: Node | null;
  readonly complete: boolean;
}

function keyMatches(key: unknown, seg: PathSegment): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(seg);
}

// Walks the AST along `path`, stopping at the deepest node that exists (a missing key, or an alias).
function walk(root: Node | null, path: readonly PathSegment[]): Found {
  let node = root;
  let key: Node | null = null;
  for (const seg of path) {
    let next: Node | null | undefined;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, seg));
      next = pair === undefined ? undefined : ((pair.value as Node | null) ?? (pair.key as Node | null));
      nextKey = (pair?.key as Node | null | undefined) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg] as Node | null | undefined;
    }
    if (next === undefined || next === null) return { node, key, complete: false };
    node = next;
    key = nextKey;
  }
  return { node, key, complete: true };
}

/** Maps key paths of a parsed document to line:col, for error messages. */
export class SourcePositions {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter
  ) {}

  /** Position of the value at `path` (or its key with `at: 'key'`); the nearest existing ancestor otherwise. */
  locate(path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position {
    const found = walk(this.doc.contents as Node | null, path);
    const target = found.complete && at === 'key' && found.key !== null ? found.key : found.node;
    return this.at(target?.range?.[0] ?? 0);
  }

  /** Position of a character offset. */
  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
  }
}
