import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SIPAS_2017 } from '../instruments/sipas-2017.js';
import { TT01_2018_DOSSIER_EVALUATION } from '../instruments/tt01-2018.js';
import type { Instrument } from '../instruments/types.js';
import {
  countResponses,
  countsFromRows,
  countsToRows,
  emptyCounts,
  mergeCounts,
  type SurveyResponse,
} from './counts.js';
import { type Estimate, type ScoreResult, scoreCounts, scoreResponses } from './scoring.js';

/** Recursively compares numbers with a relative-or-absolute tolerance, everything else exactly. */
function expectClose(actual: unknown, expected: unknown, tolerance = 1e-9, path = 'result'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > tolerance * scale) {
      throw new Error(`${path}: ${actual} differs from ${expected}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((value, i) => {
      expectClose((actual as unknown[])[i], value, tolerance, `${path}[${i}]`);
    });
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

const answer = (instrument: Instrument) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.integer({ min: instrument.scale.min, max: instrument.scale.max }), weight: 4 },
  );

const itemTotal = (instrument: Instrument) =>
  instrument.dimensions.reduce((total, dimension) => total + dimension.items.length, 0);

function responsesOf(instrument: Instrument, options: { weighted: boolean; maxLength?: number }) {
  const length = itemTotal(instrument);
  const answers = fc.array(answer(instrument), { minLength: length, maxLength: length });
  const response: fc.Arbitrary<SurveyResponse> = options.weighted
    ? fc.record({ answers, weight: fc.double({ min: 0.25, max: 4, noNaN: true }) })
    : fc.record({ answers });
  return fc.array(response, { maxLength: options.maxLength ?? 80 });
}

const sipasResponses = fc.oneof(
  responsesOf(SIPAS_2017, { weighted: false }),
  responsesOf(SIPAS_2017, { weighted: true }),
);

/** The 2640 definitions written out naively: a reference for the point estimates. */
function referenceValues(responses: readonly SurveyResponse[]) {
  const items: (number | null)[] = [];
  let offset = 0;
  const dimensions = SIPAS_2017.dimensions.map((dimension) => {
    const values: number[] = [];
    for (let i = 0; i < dimension.items.length; i += 1) {
      let answered = 0;
      let satisfied = 0;
      for (const response of responses) {
        const a = response.answers[offset + i];
        if (a === null || a === undefined) continue;
        const w = response.weight ?? 1;
        answered += w;
        if (a >= 4) satisfied += w;
      }
      const value = answered === 0 ? null : (100 * satisfied) / answered;
      items.push(value);
      if (value !== null) values.push(value);
    }
    offset += dimension.items.length;
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  });
  const present = dimensions.filter((value): value is number => value !== null);
  const overall = present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
  return { items, dimensions, overall };
}

/** Two-pass standard error of the overall index from per-respondent overall scores (unweighted). */
function referenceOverallStandardError(responses: readonly SurveyResponse[]): number | null {
  const scores: number[] = [];
  for (const response of responses) {
    let offset = 0;
    const dimensionScores: number[] = [];
    for (const dimension of SIPAS_2017.dimensions) {
      const answered = response.answers
        .slice(offset, offset + dimension.items.length)
        .filter((a): a is number => a !== null);
      offset += dimension.items.length;
      if (answered.length > 0)
        dimensionScores.push((100 * answered.filter((a) => a >= 4).length) / answered.length);
    }
    if (dimensionScores.length > 0)
      scores.push(dimensionScores.reduce((a, b) => a + b, 0) / dimensionScores.length);
  }
  if (scores.length < 2) return null;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (scores.length - 1);
  return Math.sqrt(variance / scores.length);
}

function allEstimates(result: ScoreResult): Estimate[] {
  return [result, ...result.dimensions, ...result.items];
}

describe('scoreResponses and scoreCounts', () => {
  test('a small hand-checked example', () => {
    const blank = () => new Array<number | null>(22).fill(null);
    const a = blank();
    a[0] = 5; // 1.1 satisfied
    a[1] = 3; // 1.2 not satisfied
    a[4] = 4; // 2.1 satisfied
    const b = blank();
    b[0] = 2; // 1.1 not satisfied
    const result = scoreResponses(SIPAS_2017, [{ answers: a }, { answers: b }, { answers: blank() }]);
    expect(result.items[0]).toMatchObject({ code: '1.1', value: 50, n: 2 });
    expect(result.items[1]).toMatchObject({ code: '1.2', value: 0, n: 1 });
    expect(result.items[2]).toMatchObject({ code: '1.3', value: null, n: 0, ciLow: 0, ciHigh: 100 });
    // factor 1 = mean(50, 0) over the answered items; factor 2 = 100 (only 2.1 answered).
    expect(result.dimensions[0]).toMatchObject({ code: '1', value: 25, n: 2 });
    expect(result.dimensions[1]).toMatchObject({ code: '2', value: 100, n: 1 });
    expect(result.dimensions[2]).toMatchObject({ code: '3', value: null, n: 0 });
    // overall = mean(25, 100); respondent scores: a = mean(50, 100) = 75, b = 0.
    expect(result.value).toBe(62.5);
    expect(result.n).toBe(2);
    expect(result.standardError).toBeCloseTo(Math.sqrt(((75 - 37.5) ** 2 + (0 - 37.5) ** 2) / 1 / 2), 12);
    expect(result.publishable).toBe(false);
  });

  test('nothing answered gives null values and the whole range', () => {
    const result = scoreResponses(SIPAS_2017, []);
    expect(result.value).toBeNull();
    expect(result).toMatchObject({ ciLow: 0, ciHigh: 100, n: 0, publishable: false, standardError: null });
    expect(result.items.every((item) => item.value === null)).toBe(true);
  });

  test('publishable exactly when n reaches the minimum sample', () => {
    const full = { answers: new Array<number | null>(22).fill(4) };
    expect(scoreResponses(SIPAS_2017, new Array(29).fill(full)).publishable).toBe(false);
    expect(scoreResponses(SIPAS_2017, new Array(30).fill(full)).publishable).toBe(true);
    expect(scoreResponses(SIPAS_2017, new Array(9).fill(full), { minSample: 5 }).publishable).toBe(true);
  });

  test('weighted estimates use Kish effective sample size', () => {
    const blank = () => new Array<number | null>(22).fill(null);
    const satisfied = blank();
    satisfied[0] = 5;
    const dissatisfied = blank();
    dissatisfied[0] = 1;
    const responses: SurveyResponse[] = [
      { answers: satisfied, weight: 3 },
      { answers: dissatisfied, weight: 1 },
      { answers: dissatisfied, weight: 1 },
      { answers: dissatisfied, weight: 1 },
    ];
    const item = scoreResponses(SIPAS_2017, responses).items[0]!;
    expect(item.value).toBe(50); // 3 of 6 weight units
    expect(item.n).toBe(4);
    expect(item.nEffective).toBeCloseTo(36 / 12, 12); // (Σw)² / Σw² = 36 / 12
    const unweighted = scoreResponses(SIPAS_2017, responses, { weighted: false }).items[0]!;
    expect(unweighted.value).toBe(25);
    expect(unweighted.nEffective).toBe(4);
  });

  test('points-total instrument (TT 01/2018): all indicators at 2 points give 18', () => {
    const top = { answers: new Array<number | null>(9).fill(2) };
    const mixed = { answers: [2, 1, 0, 2, 2, 2, 1, 2, null] };
    const result = scoreResponses(TT01_2018_DOSSIER_EVALUATION, [top, mixed]);
    expect(result.unit).toBe('points');
    // item means: 2, 1.5, 1, 2, 2, 2, 1.5, 2, 2 → 16
    expect(result.value).toBeCloseTo(16, 12);
    expect(result.items[8]).toMatchObject({ value: 2, n: 1 });
    expect(result.ciLow).toBeGreaterThanOrEqual(0);
    expect(result.ciHigh).toBeLessThanOrEqual(18);
    expect(scoreResponses(TT01_2018_DOSSIER_EVALUATION, [top]).value).toBe(18);
  });

  test('rejects malformed responses with a path', () => {
    expect(() => countResponses(SIPAS_2017, [{ answers: [1, 2] }])).toThrow(/responses\[0\]\.answers/);
    const bad = new Array<number | null>(22).fill(null);
    bad[3] = 6;
    expect(() => countResponses(SIPAS_2017, [{ answers: bad }])).toThrow(/responses\[0\]\.answers\[3\]/);
    expect(() => countResponses(SIPAS_2017, [{ answers: new Array(22).fill(3), weight: 0 }])).toThrow(
      /responses\[0\]\.weight/,
    );
    expect(() => scoreCounts(TT01_2018_DOSSIER_EVALUATION, emptyCounts(SIPAS_2017))).toThrow(RangeError);
  });
});

describe('properties', () => {
  test('scoring counts gives the result of scoring raw responses, also after JSON and row round trips', () => {
    fc.assert(
      fc.property(sipasResponses, (responses) => {
        const direct = scoreResponses(SIPAS_2017, responses);
        const counts = countResponses(SIPAS_2017, responses);
        expectClose(scoreCounts(SIPAS_2017, counts), direct);
        expectClose(scoreCounts(SIPAS_2017, JSON.parse(JSON.stringify(counts))), direct);
        expectClose(scoreCounts(SIPAS_2017, countsFromRows(SIPAS_2017, countsToRows(counts))), direct);
      }),
    );
  });

  test('point estimates match a naive implementation of the 2640 definitions', () => {
    fc.assert(
      fc.property(sipasResponses, (responses) => {
        const result = scoreResponses(SIPAS_2017, responses);
        const reference = referenceValues(responses);
        expectClose(
          result.items.map((item) => item.value),
          reference.items,
        );
        expectClose(
          result.dimensions.map((dimension) => dimension.value),
          reference.dimensions,
        );
        expectClose(result.value, reference.overall);
      }),
    );
  });

  test('the overall standard error matches a two-pass computation on respondent scores', () => {
    fc.assert(
      fc.property(responsesOf(SIPAS_2017, { weighted: false }), (responses) => {
        const result = scoreResponses(SIPAS_2017, responses);
        const reference = referenceOverallStandardError(responses);
        if (reference === null) expect(result.standardError).toBeNull();
        else expectClose(result.standardError, reference, 1e-6);
      }),
    );
  });

  test('counts of a split, merged, equal the counts of the whole', () => {
    fc.assert(
      fc.property(sipasResponses, fc.nat(), (responses, cut) => {
        const at = responses.length === 0 ? 0 : cut % (responses.length + 1);
        const first = countResponses(SIPAS_2017, responses.slice(0, at));
        const second = countResponses(SIPAS_2017, responses.slice(at));
        const whole = countResponses(SIPAS_2017, responses);
        const merged = mergeCounts(first, second);
        expectClose(merged, whole);
        expect(mergeCounts(second, first)).toEqual(merged);
        expectClose(scoreCounts(SIPAS_2017, merged), scoreCounts(SIPAS_2017, whole), 1e-7);
      }),
    );
  });

  test('merging is associative, with empty counts as identity', () => {
    fc.assert(
      fc.property(sipasResponses, sipasResponses, sipasResponses, (a, b, c) => {
        const [ca, cb, cc] = [a, b, c].map((r) => countResponses(SIPAS_2017, r)) as [
          ReturnType<typeof countResponses>,
          ReturnType<typeof countResponses>,
          ReturnType<typeof countResponses>,
        ];
        expectClose(mergeCounts(mergeCounts(ca, cb), cc), mergeCounts(ca, mergeCounts(cb, cc)));
        expect(mergeCounts(ca, emptyCounts(SIPAS_2017))).toEqual(ca);
      }),
    );
  });

  test('weights of 1 change nothing; scaling every weight changes no value', () => {
    fc.assert(
      fc.property(
        responsesOf(SIPAS_2017, { weighted: false }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (responses, factor) => {
          const plain = scoreResponses(SIPAS_2017, responses);
          const ones = scoreResponses(
            SIPAS_2017,
            responses.map((r) => ({ ...r, weight: 1 })),
          );
          expect(ones).toEqual(plain);
          expect(scoreResponses(SIPAS_2017, responses, { weighted: false })).toEqual(plain);
          const scaled = scoreResponses(
            SIPAS_2017,
            responses.map((r) => ({ ...r, weight: factor })),
          );
          expectClose(scaled, plain, 1e-7);
        },
      ),
    );
  });

  test('intervals contain the estimate and lie within the range', () => {
    const check = (instrument: Instrument, max: number) =>
      fc.property(
        fc.oneof(responsesOf(instrument, { weighted: false }), responsesOf(instrument, { weighted: true })),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (responses, confidence) => {
          for (const estimate of allEstimates(scoreResponses(instrument, responses, { confidence }))) {
            expect(estimate.ciLow).toBeGreaterThanOrEqual(0);
            expect(estimate.ciHigh).toBeLessThanOrEqual(max);
            expect(estimate.ciLow).toBeLessThanOrEqual(estimate.ciHigh);
            if (estimate.value !== null) {
              expect(estimate.value).toBeGreaterThanOrEqual(estimate.ciLow);
              expect(estimate.value).toBeLessThanOrEqual(estimate.ciHigh);
            }
          }
        },
      );
    fc.assert(check(SIPAS_2017, 100));
    fc.assert(check(TT01_2018_DOSSIER_EVALUATION, 18), { numRuns: 50 });
  });

  test('publishable means enough respondents', () => {
    fc.assert(
      fc.property(sipasResponses, fc.integer({ min: 0, max: 60 }), (responses, minSample) => {
        for (const estimate of allEstimates(scoreResponses(SIPAS_2017, responses, { minSample }))) {
          expect(estimate.publishable).toBe(estimate.value !== null && estimate.n >= minSample);
        }
      }),
    );
  });
});
