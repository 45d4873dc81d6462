/** Bounds of the retransmission timeout. */
export interface RtoBounds {
  initialRtoMs: number;
  minRtoMs: number;
  maxRtoMs: number;
}

// RFC 6298 §2: G, the clock granularity; virtual and real clocks both count milliseconds.
const GRANULARITY_MS = 1;

/**
 * Retransmission timeout of RFC 6298: SRTT/RTTVAR from RTT samples (§2), doubled per timeout (§5.5) up
 * to the maximum, and back to the computed value once new data is acknowledged.
 */
export class RtoEstimator {
  private srtt: number | undefined;
  private rttvar = 0;
  private base: number;
  private backoffs = 0;

  constructor(private readonly bounds: RtoBounds) {
    this.base = this.clamp(bounds.initialRtoMs);
  }

  /** The timeout to arm now, backoff included. */
  get rtoMs(): number {
    return Math.min(this.bounds.maxRtoMs, this.base * 2 ** this.backoffs);
  }

  /** Smoothed round-trip time, undefined before the first sample. */
  get smoothedRttMs(): number | undefined {
    return this.srtt;
  }

  /** Feeds one RTT measurement (never from a retransmitted segment — Karn's rule, §3). */
  sample(rttMs: number): void {
    if (this.srtt === undefined) {
      this.srtt = rttMs;
      this.rttvar = rttMs / 2;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - rttMs);
      this.srtt = 0.875 * this.srtt + 0.125 * rttMs;
    }
    this.base = this.clamp(this.srtt + Math.max(GRANULARITY_MS, 4 * this.rttvar));
  }

  /** Doubles the timeout after it expired (§5.5). */
  backoff(): void {
    if (this.base * 2 ** this.backoffs < this.bounds.maxRtoMs) this.backoffs++;
  }

  /** Drops the backoff once the peer acknowledges new data again. */
  resetBackoff(): void {
    this.backoffs = 0;
  }

  private clamp(ms: number): number {
    return Math.min(this.bounds.maxRtoMs, Math.max(this.bounds.minRtoMs, ms));
  }
}
