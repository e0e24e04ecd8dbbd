import { criticalValue } from './normal.js';

/** A confidence interval for a proportion, both ends in [0, 1]. */
export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion `p̂ = successes / n` at the given confidence, with
 * `z = Φ⁻¹((1 + confidence)/2)`:
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n).
 *
 * `n` may be a non-integer effective sample size (Kish) for weighted data. n = 0 gives `{ low: 0, high: 1 }`.
 * The result always contains p̂ and lies in [0, 1]. Example: 8 of 10 at 95% ≈ [0.4902, 0.9433].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`n must be a finite number >= 0, got ${n}`);
  if (!(successes >= 0 && successes <= n * (1 + 1e-12))) {
    throw new RangeError(`successes must be between 0 and n (${n}), got ${successes}`);
  }
  const z = criticalValue(confidence);
  if (n === 0) return { low: 0, high: 1 };
  return wilsonIntervalForZ(Math.min(1, successes / n), n, z);
}

/**
 * The Wilson interval of `wilsonInterval` for a share `p` of `n > 0` with a precomputed critical value `z`
 * (no input checks: for callers scoring many figures at one confidence level).
 */
export function wilsonIntervalForZ(p: number, n: number, z: number): ProportionInterval {
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denominator;
  return {
    low: Math.max(0, Math.min(p, centre - half)),
    high: Math.min(1, Math.max(p, centre + half)),
  };
}
