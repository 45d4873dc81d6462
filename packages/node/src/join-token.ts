import type { Random } from '@swarmsim/interface';
import { NodeError } from './errors.js';

/** The two join tokens of a swarm (`docker swarm join-token worker|manager`). */
export interface JoinTokens {
  worker: string;
  manager: string;
}

/** A join token split into its parts. */
export interface ParsedJoinToken {
  /** Digest of the cluster's root CA, base36, 50 characters (the same in both tokens). */
  caDigest: string;
  /** The role's secret, base36, 25 characters. */
  secret: string;
}

// swarmkit ca/config.go: "SWMTKN-1-" + CA digest in base36 (50 chars) + "-" + random secret in base36 (25 chars).
const TOKEN_RE = /^SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})$/;

/** `length` base36 characters drawn from the seeded `random`. */
export function randomBase36(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 36).toString(36);
  return out;
}

/** A fresh pair of tokens sharing one CA digest, as `swarm init` makes them. */
export function generateJoinTokens(random: Random): JoinTokens {
  const digest = randomBase36(random, 50);
  return {
    worker: `SWMTKN-1-${digest}-${randomBase36(random, 25)}`,
    manager: `SWMTKN-1-${digest}-${randomBase36(random, 25)}`
  };
}

/** Splits a token; throws NODE_ERR_INVALID_TOKEN when it is malformed. */
export function parseJoinToken(token: string, node = ''): ParsedJoinToken {
  const m = TOKEN_RE.exec(token);
  if (m === null) throw new NodeError({ code: 'NODE_ERR_INVALID_TOKEN', node }, 'invalid join token');
  return { caDigest: m[1]!, secret: m[2]! };
}

/** The role a token grants, or undefined when it belongs to neither (wrong secret or other cluster). */
export function roleOfToken(tokens: JoinTokens, token: string): 'worker' | 'manager' | undefined {
  if (token === tokens.manager) return 'manager';
  if (token === tokens.worker) return 'worker';
  return undefined;
}
