import { normalQuantile } from '../statistics/normal.js';

/** A source of uniform numbers in the open interval (0, 1). */
export type UniformSource = () => number;

/**
 * mulberry32: a small, fast seeded 32-bit generator (period 2³²), returning uniforms in (0, 1)
 * as `(x + 0.5) / 2³²`. The same seed always yields the same sequence.
 */
export function mulberry32(seed: number): UniformSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** A standard normal draw by inversion: `Φ⁻¹(U)`. */
export function normalDraw(random: UniformSource): number {
  return normalQuantile(random());
}

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang's method (2000): d = shape − 1/3, c = 1/√(9d);
 * repeat x ~ N(0,1), v = (1 + c·x)³ until v > 0 and ln U < x²/2 + d − d·v + d·ln v; return d·v.
 * For shape < 1: Gamma(shape + 1) · U^(1/shape).
 */
export function gammaDraw(shape: number, random: UniformSource): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) return gammaDraw(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalDraw(random);
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    if (Math.log(random()) < (x * x) / 2 + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Beta(a, b) draw: X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(a: number, b: number, random: UniformSource): number {
  const x = gammaDraw(a, random);
  const y = gammaDraw(b, random);
  return x / (x + y);
}
