import { expect } from 'vitest';
import { ConfigErrors, parseClusterConfig, type ConfigErrorType } from '../src/index.js';

/** The errors `text` is rejected with (fails the test when it parses). */
export function errorsOf(text: string, file = 'test.yaml'): ConfigErrorType[] {
  try {
    parseClusterConfig(text, { file });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigErrors);
    return (err as ConfigErrors).errors.map((e) => e.type);
  }
  throw new Error('expected the config to be rejected');
}

/** A valid prefix: one manager, so fixtures add only what they test. */
export const MANAGER = 'nodes:\n  - name: node-1\n    role: manager\n';
