import { describe, expect, test } from 'vitest';
import { criticalValue, normalCdf, normalQuantile } from './normal.js';

describe('normal distribution', () => {
  test('quantiles match tabulated values', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902, 6);
  });

  test('critical values for common confidence levels', () => {
    expect(criticalValue(0.95)).toBeCloseTo(1.96, 2);
    expect(criticalValue(0.9)).toBeCloseTo(1.6449, 4);
    expect(criticalValue(0.99)).toBeCloseTo(2.5758, 4);
  });

  test('the CDF inverts the quantile function', () => {
    for (const p of [0.001, 0.02, 0.2, 0.5, 0.8, 0.975, 0.999]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    }
  });

  test('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => criticalValue(1)).toThrow(RangeError);
  });
});
