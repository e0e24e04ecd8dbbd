import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSeedCaseResponses } from '../instruments/seed-case.js';
import { SIPAS_2017 } from '../instruments/sipas-2017.js';
import { countResponses } from '../statistics/counts.js';
import { scoreCounts } from '../statistics/scoring.js';
import { betaDraw, gammaDraw, mulberry32 } from './random.js';
import { rankIntervals } from './rank-intervals.js';

describe('seeded random draws', () => {
  test('mulberry32 is deterministic and uniform-looking', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 10_000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  test('Gamma and Beta draws have the right means', () => {
    const random = mulberry32(7);
    const draws = 20_000;
    let gamma = 0;
    let smallGamma = 0;
    let beta = 0;
    for (let i = 0; i < draws; i += 1) {
      gamma += gammaDraw(3, random);
      smallGamma += gammaDraw(0.5, random);
      beta += betaDraw(730.5, 70.5, random);
    }
    expect(gamma / draws).toBeCloseTo(3, 1);
    expect(smallGamma / draws).toBeCloseTo(0.5, 1);
    expect(beta / draws).toBeCloseTo(730.5 / 801, 3);
  });
});

describe('rankIntervals', () => {
  test('well separated units get exact ranks; close ones share a range', () => {
    const result = rankIntervals([
      { id: 'top', successes: 950, n: 1000 },
      { id: 'close-a', successes: 800, n: 1000 },
      { id: 'close-b', successes: 801, n: 1000 },
      { id: 'bottom', successes: 500, n: 1000 },
    ]);
    expect(result.map((r) => [r.id, r.rank, r.rankLow, r.rankHigh])).toEqual([
      ['top', 1, 1, 1],
      ['close-b', 2, 2, 3],
      ['close-a', 3, 2, 3],
      ['bottom', 4, 4, 4],
    ]);
  });

  test('a small sample can hold many ranks', () => {
    const units = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `u${i}`, successes: 800 + 5 * i, n: 1000 })),
      { id: 'tiny', successes: 1, n: 1 },
    ];
    const tiny = rankIntervals(units, { seed: 3 }).find((r) => r.id === 'tiny')!;
    expect(tiny.rank).toBe(1);
    expect(tiny.rankHigh! - tiny.rankLow!).toBeGreaterThanOrEqual(5);
  });

  test('accepts estimates and counts, and leaves units without a value aside', () => {
    const responses = buildSeedCaseResponses();
    const counts = countResponses(SIPAS_2017, responses);
    const weaker = countResponses(SIPAS_2017, responses.slice(0, 300));
    const seed = scoreCounts(SIPAS_2017, counts);
    const result = rankIntervals(
      [
        { id: 'bac-kan', counts },
        { id: 'part', counts: weaker },
        { id: 'estimate', value: seed.value! - 10, standardError: 1 },
        { id: 'no-data', value: null, standardError: null },
      ],
      { instrument: SIPAS_2017 },
    );
    expect(result.map((r) => r.id)).toEqual([expect.any(String), expect.any(String), 'estimate', 'no-data']);
    expect(result.at(-1)).toEqual({ id: 'no-data', value: null, rank: null, rankLow: null, rankHigh: null });
    expect(result.find((r) => r.id === 'estimate')).toMatchObject({ rank: 3, rankLow: 3, rankHigh: 3 });
    expect(() => rankIntervals([{ id: 'x', counts }])).toThrow(/instrument/);
  });

  test('deterministic for a seed; ranks always within bounds and around the published rank (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 4 }),
            n: fc.integer({ min: 0, max: 400 }),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { selector: (u) => u.id, minLength: 1, maxLength: 12 },
        ),
        fc.integer(),
        (specs, seed) => {
          const units = specs.map(({ id, n, share }) => ({ id, n, successes: Math.round(share * n) }));
          const options = { seed, draws: 200 };
          const first = rankIntervals(units, options);
          expect(rankIntervals(units, options)).toEqual(first);
          const ranked = first.filter((r) => r.rank !== null);
          for (const r of ranked) {
            expect(r.rankLow).toBeGreaterThanOrEqual(1);
            expect(r.rankHigh).toBeLessThanOrEqual(ranked.length);
            expect(r.rankLow).toBeLessThanOrEqual(r.rank!);
            expect(r.rankHigh).toBeGreaterThanOrEqual(r.rank!);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
