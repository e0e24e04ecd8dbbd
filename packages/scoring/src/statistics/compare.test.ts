import { describe, expect, test } from 'vitest';
import { SIPAS_2017 } from '../instruments/sipas-2017.js';
import { changeBetween, compareScores } from './compare.js';
import type { Estimate } from './scoring.js';
import { scoreResponses } from './scoring.js';

const estimate = (value: number | null, standardError: number | null, n = 500): Estimate => ({
  value,
  standardError,
  n,
  nEffective: n,
  ciLow: 0,
  ciHigh: 100,
  publishable: n >= 30,
});

describe('changeBetween', () => {
  test('difference, combined standard error and interval', () => {
    const change = changeBetween(estimate(85.16, 1.2), estimate(80.08, 1.6));
    expect(change.difference).toBeCloseTo(5.08, 12);
    expect(change.standardError).toBeCloseTo(2, 12); // √(1.2² + 1.6²)
    expect(change.ciLow).toBeCloseTo(5.08 - 1.959964 * 2, 5);
    expect(change.ciHigh).toBeCloseTo(5.08 + 1.959964 * 2, 5);
    expect(change.significant).toBe(true);
    expect(change.pValue).toBeCloseTo(0.0111, 3);
  });

  test('a change inside the noise is not significant', () => {
    const change = changeBetween(estimate(84, 2), estimate(83, 2));
    expect(change.significant).toBe(false);
    expect(change.ciLow).toBeLessThan(0);
  });

  test('never significant when a figure is below the minimum sample', () => {
    expect(changeBetween(estimate(100, 0.5, 10), estimate(50, 0.5, 10)).significant).toBe(false);
  });

  test('unknown values or errors give nulls', () => {
    expect(changeBetween(estimate(null, null), estimate(80, 1))).toMatchObject({
      difference: null,
      significant: false,
    });
    expect(changeBetween(estimate(90, null), estimate(80, 1))).toMatchObject({ difference: 10, ciLow: null });
  });
});

describe('compareScores', () => {
  test('compares overall, dimensions and items by code', () => {
    const good = { answers: new Array<number | null>(22).fill(5) };
    const poor = { answers: new Array<number | null>(22).fill(2) };
    const current = scoreResponses(SIPAS_2017, [...new Array(80).fill(good), ...new Array(20).fill(poor)]);
    const previous = scoreResponses(SIPAS_2017, [...new Array(50).fill(good), ...new Array(50).fill(poor)]);
    const comparison = compareScores(current, previous);
    expect(comparison.overall.difference).toBeCloseTo(30, 9);
    expect(comparison.overall.significant).toBe(true);
    expect(comparison.dimensions).toHaveLength(5);
    expect(comparison.items.map((item) => item.code)).toEqual(current.items.map((item) => item.code));
    expect(comparison.items[0]!.difference).toBeCloseTo(30, 9);
  });
});
