import { describe, expect, test } from 'vitest';
import { buildSeedCaseResponses } from '../instruments/seed-case.js';
import { SIPAS_2017 } from '../instruments/sipas-2017.js';
import { TT01_2018_DOSSIER_EVALUATION } from '../instruments/tt01-2018.js';
import {
  countResponses,
  countsFromRows,
  countsToRows,
  emptyCounts,
  mergeCounts,
  OVERALL_CODE,
  type ResponseCounts,
} from './counts.js';
import { scoreCounts, scoreResponses } from './scoring.js';

describe('countResponses', () => {
  test('tallies levels and respondent-score moments', () => {
    const answers = new Array<number | null>(22).fill(null);
    answers[0] = 5;
    answers[1] = 3;
    answers[4] = 4;
    const counts = countResponses(SIPAS_2017, [{ answers, weight: 2 }]);
    expect(counts.responses).toBe(1);
    expect(counts.scaleMin).toBe(1);
    expect(counts.items[0]).toEqual({
      code: '1.1',
      counts: [0, 0, 0, 0, 1],
      weightSums: [0, 0, 0, 0, 2],
      weightSquareSums: [0, 0, 0, 0, 4],
    });
    // factor 1: one of two answered items satisfied → 50; factor 2: 100; overall: mean(50, 100) = 75.
    expect(counts.dimensions[0]).toEqual({
      code: '1',
      n: 1,
      sum: 50,
      sumSquares: 2500,
      weightSum: 2,
      weightedSum: 100,
      weightedSumSquares: 5000,
      weightSquareSum: 4,
    });
    expect(counts.dimensions[2]!.n).toBe(0);
    expect(counts.overall).toMatchObject({ n: 1, sum: 75, weightedSum: 150 });
  });

  test('a response with no answer counts as a response but in no figure', () => {
    const counts = countResponses(SIPAS_2017, [{ answers: new Array(22).fill(null) }]);
    expect(counts.responses).toBe(1);
    expect(counts.overall.n).toBe(0);
  });

  test('the counts of the seed case are small and plain JSON', () => {
    const counts = countResponses(SIPAS_2017, buildSeedCaseResponses());
    expect(JSON.parse(JSON.stringify(counts))).toEqual(counts);
    expect(counts.items).toHaveLength(22);
    expect(counts.dimensions.map((d) => d.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(counts.responses).toBe(900);
  });
});

describe('rows', () => {
  const counts = countResponses(SIPAS_2017, buildSeedCaseResponses());

  test('round-trip through the row form', () => {
    const rows = countsToRows(counts);
    expect(rows.itemLevels.every((row) => row.count > 0)).toBe(true);
    expect(rows.moments.map((row) => row.dimensionCode)).toEqual(['1', '2', '3', '4', '5', OVERALL_CODE]);
    expect(countsFromRows(SIPAS_2017, rows)).toEqual(counts);
  });

  test('rows of two periods passed together roll up like mergeCounts', () => {
    const first = countsToRows(counts);
    const second = countsToRows(countResponses(SIPAS_2017, buildSeedCaseResponses().slice(0, 100)));
    const together = countsFromRows(SIPAS_2017, {
      responses: first.responses + second.responses,
      itemLevels: [...first.itemLevels, ...second.itemLevels],
      moments: [...first.moments, ...second.moments],
    });
    expect(together).toEqual(
      mergeCounts(countsFromRows(SIPAS_2017, first), countsFromRows(SIPAS_2017, second)),
    );
  });

  test('unknown codes and levels are refused', () => {
    const base = { responses: 0, moments: [] };
    const row = { itemCode: '9.9', level: 1, count: 1, weightSum: 1, weightSquareSum: 1 };
    expect(() => countsFromRows(SIPAS_2017, { ...base, itemLevels: [row] })).toThrow(/9\.9/);
    expect(() =>
      countsFromRows(SIPAS_2017, { ...base, itemLevels: [{ ...row, itemCode: '1.1', level: 6 }] }),
    ).toThrow(/outside the scale/);
  });
});

describe('mergeCounts', () => {
  test('refuses counts of another instrument or layout', () => {
    expect(() => mergeCounts(emptyCounts(SIPAS_2017), emptyCounts(TT01_2018_DOSSIER_EVALUATION))).toThrow(
      RangeError,
    );
    const altered: ResponseCounts = {
      ...emptyCounts(SIPAS_2017),
      items: emptyCounts(SIPAS_2017).items.slice(1),
    };
    expect(() => mergeCounts(emptyCounts(SIPAS_2017), altered)).toThrow(/layout/);
  });

  test('per-response increments add up to the counts of the whole set', () => {
    const responses = buildSeedCaseResponses().slice(0, 120);
    const incremental = responses.reduce(
      (total, response) => mergeCounts(total, countResponses(SIPAS_2017, [response])),
      emptyCounts(SIPAS_2017),
    );
    const whole = countResponses(SIPAS_2017, responses);
    expect(incremental.items).toEqual(whole.items);
    expect(scoreCounts(SIPAS_2017, incremental).value).toBeCloseTo(
      scoreResponses(SIPAS_2017, responses).value!,
      9,
    );
  });
});
