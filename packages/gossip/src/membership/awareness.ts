/** memberlist DefaultLANConfig AwarenessMaxMultiplier: probe timing stretches to at most 8× when unhealthy. */
export const AWARENESS_MAX_MULTIPLIER = 8;

/**
 * Lifeguard's local health (memberlist awareness.go): a score in [0, max−1] that rises when this node seems
 * to be the slow one (a probe with no ack at all, having to refute a suspicion of itself) and falls with each
 * answered probe. Probe intervals are scaled by score+1, so a starved node probes less and stops accusing
 * healthy peers — without it a busy node floods the cluster with false suspicions.
 */
export class Awareness {
  private current = 0;

  constructor(private readonly max: number = AWARENESS_MAX_MULTIPLIER) {}

  /** The health score: 0 is healthy. */
  get score(): number {
    return this.current;
  }

  /** Adds `delta`, clamped to [0, max−1]. */
  applyDelta(delta: number): void {
    this.current = Math.min(this.max - 1, Math.max(0, this.current + delta));
  }

  /** `timeoutMs` × (score + 1). */
  scale(timeoutMs: number): number {
    return timeoutMs * (this.current + 1);
  }
}
