import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SwarmError, type SwarmErrorType } from '../src/index.js';
import { SwarmsimError } from '@swarmsim/interface';

const source = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');

describe('SwarmError codes', () => {
  it('lists every code of the union in the `// CODE: meaning` header, and nothing else', () => {
    const listed = [...source.matchAll(/^\/\/ (SWARM_ERR_[A-Z_]+):/gm)].map((m) => m[1]);
    const declared = [...source.matchAll(/code: '(SWARM_ERR_[A-Z_]+)'/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect([...new Set(declared)].sort()).toEqual([...listed].sort());
  });

  it('are SwarmsimErrors carrying code and metadata', () => {
    const type: SwarmErrorType = {
      code: 'SWARM_ERR_PORT_IN_USE',
      port: 8080,
      protocol: 'tcp',
      serviceName: 'web',
      serviceId: 'x'
    };
    const err = new SwarmError(type);
    expect(err).toBeInstanceOf(SwarmsimError);
    expect(err.code).toBe('SWARM_ERR_PORT_IN_USE');
    expect(err.type).toEqual(type);
  });
});
