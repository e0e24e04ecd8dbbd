import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScorecard, validateScorecard } from './compute.js';
import { ScorecardError } from './errors.js';
import { PAR_INDEX_PROVINCE } from './par-index-province.js';
import type { ScorecardDefinition, ScorecardNodeResult } from './types.js';

const t = (en: string) => ({ vi: en, en });

const sample: ScorecardDefinition = {
  code: 'sample',
  name: t('Sample'),
  max: 15,
  areas: [
    {
      code: 'A',
      name: t('Area A'),
      max: 10,
      method: 'self_assessment',
      children: [
        {
          code: 'A.1',
          name: t('Criterion A.1'),
          max: 6,
          children: [
            { code: 'A.1.1', name: t('Sub-criterion A.1.1'), max: 4, evidence: [t('Plan')] },
            { code: 'A.1.2', name: t('Sub-criterion A.1.2'), max: 2, method: 'appraisal' },
          ],
        },
        { code: 'A.2', name: t('Criterion A.2'), max: 4 },
      ],
    },
    { code: 'B', name: t('Area B'), max: 5, method: 'survey' },
  ],
};

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardError);
    return (error as ScorecardError).issues.map((i) => `${i.path} ${i.code}`);
  }
  return expect.unreachable();
};

describe('computeScorecard', () => {
  it('sums leaves up the tree with caps, shares, weights and totals per method', () => {
    const result = computeScorecard(sample, { 'A.1.1': 3, 'A.1.2': 5, 'A.2': 4, B: 2.5 });
    expect(result).toMatchObject({ points: 11.5, max: 15, complete: true, missing: [] });
    expect(result.share).toBeCloseTo(11.5 / 15, 12);
    const [a, b] = result.areas;
    expect(a).toMatchObject({ code: 'A', points: 9, share: 0.9, capped: true, method: null, depth: 0 });
    expect(a!.weight).toBeCloseTo(10 / 15, 12);
    expect(a!.children[0]).toMatchObject({ code: 'A.1', points: 5, capped: true, depth: 1 });
    expect(a!.children[0]!.children[0]).toMatchObject({
      code: 'A.1.1',
      points: 3,
      share: 0.75,
      method: 'self_assessment',
      evidence: [t('Plan')],
      depth: 2,
      capped: false,
    });
    expect(a!.children[0]!.children[1]).toMatchObject({
      code: 'A.1.2',
      points: 2,
      capped: true,
      method: 'appraisal',
    });
    expect(b).toMatchObject({ points: 2.5, share: 0.5, method: 'survey' });
    expect(result.byMethod).toEqual({
      self_assessment: { max: 8, points: 7 },
      appraisal: { max: 2, points: 2 },
      survey: { max: 5, points: 2.5 },
      imported_index: { max: 0, points: 0 },
    });
  });

  it('counts a missing score as 0 and reports the result incomplete', () => {
    const result = computeScorecard(sample, { 'A.1.1': 4, 'A.2': 1 });
    expect(result).toMatchObject({ points: 5, complete: false, missing: ['A.1.2', 'B'] });
    expect(result.areas[0]).toMatchObject({ scored: false });
    expect(result.areas[0]!.children[1]).toMatchObject({ scored: true });
  });

  it('keeps every node within its maximum and parents equal to their children (property)', () => {
    const leaves = ['A.1.1', 'A.1.2', 'A.2', 'B'];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (values) => {
          const result = computeScorecard(sample, Object.fromEntries(leaves.map((c, i) => [c, values[i]!])));
          const check = (node: ScorecardNodeResult) => {
            expect(node.points).toBeLessThanOrEqual(node.max);
            expect(node.points).toBeGreaterThanOrEqual(0);
            if (node.children.length > 0) {
              expect(node.points).toBeCloseTo(
                node.children.reduce((s, c) => s + c.points, 0),
                9,
              );
            }
            node.children.forEach(check);
          };
          result.areas.forEach(check);
          expect(result.points).toBeCloseTo(
            result.areas.reduce((s, a) => s + a.points, 0),
            9,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects bad scores with paths', () => {
    expect(issuesOf(() => computeScorecard(sample, { A: 3, Z: 1, B: -1, 'A.2': Number.NaN }))).toEqual([
      'scores.A score_on_parent',
      'scores.Z unknown_code',
      'scores.B invalid_score',
      'scores.A.2 invalid_score',
    ]);
  });
});

describe('validateScorecard', () => {
  it('requires children to add up to their parent, methods on leaves and unique codes', () => {
    const broken: ScorecardDefinition = {
      ...sample,
      max: 16,
      areas: [
        {
          ...sample.areas[0]!,
          method: undefined,
          children: [
            { ...sample.areas[0]!.children![0]!, max: 7 },
            { code: 'A.1.1', name: t('Duplicate'), max: 3, method: 'appraisal' },
          ],
        },
        { ...sample.areas[1]!, max: 0 },
      ],
    };
    // In visiting order: the root's sum, then each area depth-first.
    expect(validateScorecard(broken).map((i) => `${i.path} ${i.code}`)).toEqual([
      'max max_mismatch',
      'areas[0].children[0].max max_mismatch',
      'areas[0].children[0].children[0].method missing_method',
      'areas[0].children[1].code duplicate_code',
      'areas[1].max invalid_max',
    ]);
    expect(() => computeScorecard(broken, {})).toThrow(
      /the children's maxima add up to 6, not the maximum 7/,
    );
  });
});

describe('PAR_INDEX_PROVINCE', () => {
  it('is a valid skeleton of 8 areas adding up to 100 points, named in Vietnamese and English', () => {
    expect(validateScorecard(PAR_INDEX_PROVINCE)).toEqual([]);
    expect(PAR_INDEX_PROVINCE.areas).toHaveLength(8);
    expect(PAR_INDEX_PROVINCE.areas.reduce((s, a) => s + a.max, 0)).toBe(100);
    for (const area of PAR_INDEX_PROVINCE.areas) expect(area.name.vi && area.name.en).toBeTruthy();
  });

  it('computes from area scores and can be extended with criteria', () => {
    const scores = { '1': 8, '2': 6.5, '3': 11, '4': 7, '5': 10, '6': 8, '7': 9.5, '8': 24 };
    const result = computeScorecard(PAR_INDEX_PROVINCE, scores);
    expect(result.points).toBe(84);
    expect(result.byMethod.survey).toEqual({ max: 30, points: 24 });
    const extended: ScorecardDefinition = {
      ...PAR_INDEX_PROVINCE,
      areas: PAR_INDEX_PROVINCE.areas.map((a) =>
        a.code === '3'
          ? {
              ...a,
              children: [
                { code: '3.1', name: t('Procedures published'), max: 5 },
                { code: '3.2', name: t('One-stop processing'), max: 8 },
              ],
            }
          : a,
      ),
    };
    const { '3': _area3, ...rest } = scores;
    expect(computeScorecard(extended, { ...rest, '3.1': 5, '3.2': 6 }).points).toBe(84);
  });
});
