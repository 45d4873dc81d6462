import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { SwarmsimError } from '@swarmsim/interface';
import { GossipError } from '../src/index.js';

describe('errors', () => {
  it('GossipError is a SwarmsimError carrying code and metadata', () => {
    const err = new GossipError({ code: 'GOSSIP_ERR_UNAUTHENTICATED', reaction: 'drop' }, 'x');
    expect(err).toBeInstanceOf(SwarmsimError);
    expect(err.code).toBe('GOSSIP_ERR_UNAUTHENTICATED');
    expect(err.type).toEqual({ code: 'GOSSIP_ERR_UNAUTHENTICATED', reaction: 'drop' });
  });

  it('the code list at the top of errors.ts names exactly the codes of the payload union', () => {
    const src = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');
    const listed = [...src.matchAll(/^\/\/ (GOSSIP_ERR_[A-Z_]+):/gm)].map((m) => m[1]).sort();
    const declared = [...new Set([...src.matchAll(/code: '(GOSSIP_ERR_[A-Z_]+)'/g)].map((m) => m[1]))].sort();
    expect(listed).toEqual(declared);
    expect(listed.length).toBeGreaterThan(5);
  });
});
