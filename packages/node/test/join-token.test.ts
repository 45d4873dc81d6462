import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { NodeError } from '../src/errors.js';
import { generateJoinTokens, parseJoinToken, roleOfToken } from '../src/join-token.js';

describe('join tokens', () => {
  it('are SWMTKN-1-<50 base36>-<25 base36>, one CA digest, two secrets', () => {
    const tokens = generateJoinTokens(seededRandom(5));
    const re = /^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/;
    expect(tokens.worker).toMatch(re);
    expect(tokens.manager).toMatch(re);
    const w = parseJoinToken(tokens.worker);
    const m = parseJoinToken(tokens.manager);
    expect(w.caDigest).toBe(m.caDigest);
    expect(w.secret).not.toBe(m.secret);
  });

  it('are the same for the same seed and differ between seeds', () => {
    expect(generateJoinTokens(seededRandom(9))).toEqual(generateJoinTokens(seededRandom(9)));
    expect(generateJoinTokens(seededRandom(9)).worker).not.toBe(generateJoinTokens(seededRandom(10)).worker);
  });

  it('grant the role they were made for, and nothing for a foreign token', () => {
    const tokens = generateJoinTokens(seededRandom(1));
    const other = generateJoinTokens(seededRandom(2));
    expect(roleOfToken(tokens, tokens.worker)).toBe('worker');
    expect(roleOfToken(tokens, tokens.manager)).toBe('manager');
    expect(roleOfToken(tokens, other.worker)).toBeUndefined();
  });

  it.each([
    '',
    'SWMTKN-1-abc-def',
    `SWMTKN-2-${'a'.repeat(50)}-${'b'.repeat(25)}`,
    `SWMTKN-1-${'A'.repeat(50)}-${'b'.repeat(25)}`
  ])('refuses malformed %j with NODE_ERR_INVALID_TOKEN', (token) => {
    const err = (() => {
      try {
        parseJoinToken(token, 'node-9');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NodeError);
    expect((err as NodeError).code).toBe('NODE_ERR_INVALID_TOKEN');
    expect((err as NodeError).type.node).toBe('node-9');
  });
});
