import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseClusterConfig, type ClusterSpec } from '@swarmsim/config';

/**
 * Reads and validates a `cluster.config.yaml`. Throws the config package's ConfigErrors (every problem, each
 * `file:line:col`, the file named relative to the working directory) or the fs error when it cannot be read.
 */
export async function loadClusterConfig(path: string): Promise<ClusterSpec> {
  const text = await readFile(path, 'utf8');
  return parseClusterConfig(text, { file: relative(process.cwd(), path) || path });
}
