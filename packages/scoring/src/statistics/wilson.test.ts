import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SIPAS_2017 } from '../instruments/sipas-2017.js';
import { scoreResponses } from './scoring.js';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval', () => {
  test('8 of 10 at 95%', () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  test('other known cases', () => {
    // 0 of 10 at 95%: [0, 0.2775]; 50 of 100: [0.4038, 0.5962]; 730 of 800 at 95%: [0.8909, 0.9302].
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const half = wilsonInterval(50, 100);
    expect(half.low).toBeCloseTo(0.4038, 4);
    expect(half.high).toBeCloseTo(0.5962, 4);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.7225, 4);
    const seed = wilsonInterval(730, 800);
    expect(seed.low).toBeCloseTo(0.8909, 4);
    expect(seed.high).toBeCloseTo(0.9302, 4);
  });

  test('a higher confidence gives a wider interval', () => {
    const ninety = wilsonInterval(8, 10, 0.9);
    const ninetyNine = wilsonInterval(8, 10, 0.99);
    expect(ninety.low).toBeGreaterThan(ninetyNine.low);
    expect(ninety.high).toBeLessThan(ninetyNine.high);
  });

  test('n = 0 says nothing', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  test('rejects impossible inputs', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1.5)).toThrow(RangeError);
  });

  test('always contains the estimate and lies in [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, share, confidence) => {
          const successes = Math.round(share * n);
          const { low, high } = wilsonInterval(successes, n, confidence);
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(low).toBeLessThanOrEqual(successes / n);
          expect(high).toBeGreaterThanOrEqual(successes / n);
        },
      ),
    );
  });

  test('item intervals of scoreResponses are Wilson intervals', () => {
    const answers = (level: number) => ({ answers: new Array<number | null>(22).fill(level) });
    const responses = [...new Array(8).fill(answers(4)), ...new Array(2).fill(answers(2))];
    const item = scoreResponses(SIPAS_2017, responses).items[0]!;
    const { low, high } = wilsonInterval(8, 10);
    expect(item.ciLow).toBeCloseTo(100 * low, 10);
    expect(item.ciHigh).toBeCloseTo(100 * high, 10);
  });
});
