import type { Random } from '@swarmsim/interface';

/** Conditions of one direction of a link between two peers of a {@link MemoryNetwork}. */
export interface LinkConditions {
  /** One-way delay of every message. @default 1 */
  latencyMs?: number;
  /** Extra delay drawn uniformly from [0, jitterMs) per best-effort message, so datagrams may reorder. @default 0 */
  jitterMs?: number;
  /** Probability in [0, 1] that a best-effort message is lost. @default 0 */
  loss?: number;
  /** Probability in [0, 1] that a best-effort message is delivered twice. @default 0 */
  duplicate?: number;
}

/** {@link LinkConditions} with every field filled in. */
export type ResolvedLink = Required<LinkConditions>;

/** The conditions a link has when nothing was set: 1 ms, perfect, like loopback with a little delay. */
export const DEFAULT_LINK: ResolvedLink = { latencyMs: 1, jitterMs: 0, loss: 0, duplicate: 0 };

/** Fills the unset fields of `conditions` from `base`, checking the ranges. */
export function resolveLink(conditions: LinkConditions, base: ResolvedLink = DEFAULT_LINK): ResolvedLink {
  const link = { ...base, ...stripUndefined(conditions) };
  if (!(link.latencyMs >= 0) || !(link.jitterMs >= 0)) throw new RangeError('latencyMs and jitterMs must be >= 0');
  if (!(link.loss >= 0 && link.loss <= 1) || !(link.duplicate >= 0 && link.duplicate <= 1)) {
    throw new RangeError('loss and duplicate must be within [0, 1]');
  }
  return link;
}

/** Delay of one best-effort message: latency plus a seeded share of the jitter. */
export function drawDelay(link: ResolvedLink, random: Random): number {
  return link.jitterMs > 0 ? link.latencyMs + random() * link.jitterMs : link.latencyMs;
}

function stripUndefined(conditions: LinkConditions): LinkConditions {
  return Object.fromEntries(Object.entries(conditions).filter(([, v]) => v !== undefined));
}
