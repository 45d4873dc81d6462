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

describe('names the wire cannot carry', () => {
  it('refuses empty or over-long table, network and key names at the API', async () => {
    const { gossip } = await import('../src/index.js');
    const { ManualClock } = await import('@swarmsim/clock');
    const { MemoryNetwork } = await import('@swarmsim/transport-memory');
    const clock = new ManualClock();
    const net = new MemoryNetwork({ clock });
    const g = gossip({ preset: 'local', keys: [new Uint8Array(32)] })({ clock, transport: net.createTransport('n1') });
    g.start();
    expect(() => g.joinNetwork('x'.repeat(257))).toThrow(expect.objectContaining({ code: 'GOSSIP_ERR_INVALID_NAME' }));
    g.joinNetwork('overnet');
    expect(() => g.create('endpoint_table', 'overnet', '', new Uint8Array(1))).toThrow(
      expect.objectContaining({ code: 'GOSSIP_ERR_INVALID_NAME' })
    );
    g.stop();
  });
});
