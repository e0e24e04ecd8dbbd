import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type RankEntry, rankChange, rankUnits, roundTo } from './rank.js';

describe('roundTo', () => {
  test('rounds half away from zero on the printed decimal', () => {
    expect(roundTo(85.155, 2)).toBe(85.16);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(85.15999, 2)).toBe(85.16);
    expect(roundTo(-2.345, 2)).toBe(-2.35);
    expect(roundTo(12.5, 0)).toBe(13);
    expect(roundTo(1e-7, 2)).toBe(0);
  });
});

describe('rankUnits', () => {
  test('competition ranking on values rounded to the published precision', () => {
    const ranked = rankUnits([
      { id: 'lao-cai', value: 84.3 },
      { id: 'bac-kan', value: 85.16 },
      { id: 'cao-bang', value: 85.1649 }, // 85.16 when published: ties with Bắc Kạn
      { id: 'ha-giang', value: 86.004 },
      { id: 'yen-bai', value: 83.0 },
    ]);
    expect(ranked.map((unit) => [unit.id, unit.rank, unit.publishedValue])).toEqual([
      ['ha-giang', 1, 86],
      ['bac-kan', 2, 85.16],
      ['cao-bang', 2, 85.16],
      ['lao-cai', 4, 84.3],
      ['yen-bai', 5, 83],
    ]);
  });

  test('more decimals separate the tie; ascending order for lower-is-better figures', () => {
    const entries = [
      { id: 'a', value: 85.16 },
      { id: 'b', value: 85.1649 },
      { id: 'c', value: 10 },
    ];
    expect(rankUnits(entries, { decimals: 4 }).map((u) => u.rank)).toEqual([1, 2, 3]);
    expect(rankUnits(entries, { order: 'asc' }).map((u) => [u.id, u.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });

  test('units without a value share the last rank, or are excluded', () => {
    const entries = [
      { id: 'a', value: null },
      { id: 'b', value: 70 },
      { id: 'c', value: null },
      { id: 'd', value: 90 },
    ];
    expect(rankUnits(entries).map((u) => [u.id, u.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['a', 3],
      ['c', 3],
    ]);
    expect(rankUnits(entries, { nulls: 'exclude' }).map((u) => u.id)).toEqual(['d', 'b']);
  });

  test('refuses duplicate ids', () => {
    expect(() =>
      rankUnits([
        { id: 'a', value: 1 },
        { id: 'a', value: 2 },
      ]),
    ).toThrow(/duplicate/);
  });

  const entries = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      value: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    }),
    { selector: (entry) => entry.id, maxLength: 40 },
  );

  test('ranks do not depend on input order (property)', () => {
    fc.assert(
      fc.property(
        entries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]: [RankEntry[], RankEntry[]]) => {
          expect(rankUnits(shuffled)).toEqual(rankUnits(list));
        },
      ),
    );
  });

  test('rank = 1 + number of units with a strictly better published value (property)', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const ranked = rankUnits(list, { nulls: 'exclude' });
        for (const unit of ranked) {
          const better = ranked.filter((other) => other.publishedValue! > unit.publishedValue!).length;
          expect(unit.rank).toBe(better + 1);
        }
      }),
    );
  });
});

describe('rankChange', () => {
  test('positive change = moved up', () => {
    const before = rankUnits([
      { id: 'bac-kan', value: 80 },
      { id: 'x', value: 90 },
      { id: 'gone', value: 70 },
    ]);
    const now = rankUnits([
      { id: 'bac-kan', value: 95 },
      { id: 'x', value: 90 },
      { id: 'new', value: 85 },
    ]);
    expect(rankChange(now, before)).toEqual([
      { id: 'bac-kan', rank: 1, previousRank: 2, change: 1 },
      { id: 'x', rank: 2, previousRank: 1, change: -1 },
      { id: 'new', rank: 3, previousRank: null, change: null },
    ]);
  });
});
