import { describe, expect, it } from 'vitest';
import { RtoEstimator } from '../../src/tcp/rto.js';

const bounds = { initialRtoMs: 1000, minRtoMs: 200, maxRtoMs: 120_000 };

describe('RFC 6298 retransmission timeout', () => {
  it('starts at the initial RTO and doubles per timeout up to the maximum', () => {
    const rto = new RtoEstimator(bounds);
    const seen = [rto.rtoMs];
    for (let i = 0; i < 8; i++) {
      rto.backoff();
      seen.push(rto.rtoMs);
    }
    expect(seen).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 120_000, 120_000]);
    rto.resetBackoff();
    expect(rto.rtoMs).toBe(1000);
  });

  it('takes SRTT = R and RTTVAR = R/2 from the first sample (§2.2)', () => {
    const rto = new RtoEstimator(bounds);
    rto.sample(400);
    expect(rto.smoothedRttMs).toBe(400);
    expect(rto.rtoMs).toBe(400 + 4 * 200);
  });

  it('smooths later samples with alpha 1/8 and beta 1/4 (§2.3)', () => {
    const rto = new RtoEstimator(bounds);
    rto.sample(400);
    rto.sample(800);
    const rttvar = 0.75 * 200 + 0.25 * 400;
    const srtt = 0.875 * 400 + 0.125 * 800;
    expect(rto.smoothedRttMs).toBe(srtt);
    expect(rto.rtoMs).toBe(srtt + 4 * rttvar);
  });

  it('never goes below the minimum RTO', () => {
    const rto = new RtoEstimator(bounds);
    rto.sample(2);
    expect(rto.rtoMs).toBe(200);
  });
});
