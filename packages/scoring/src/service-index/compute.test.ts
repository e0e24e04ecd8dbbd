import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeServiceIndex, validateServiceIndexDefinition } from './compute.js';
import { ServiceIndexError } from './errors.js';
import { SERVICE_INDEX_766, type ServiceIndex766Inputs } from './service-index-766.js';
import type { ServiceIndexDefinition } from './types.js';

/** A province-month worked by hand (see the expected points beside each indicator). */
const example: ServiceIndex766Inputs = {
  proceduresToPublish: 50,
  proceduresPublishedOnTime: 45, // 1.1: 0.9 × 6 = 5.4
  dossiersReceived: 1000,
  dossiersSynced: 1000, // 1.2: 6
  dossiersProgressPublic: 950, // 1.3: 0.95 × 6 = 5.7           → group 1: 17.1
  dossiersFinished: 900,
  dossiersFinishedEarlyOrOnTime: 850, // 2.1: 850/900 × 10 = 9.444…
  processingHoursActual: 9000,
  processingHoursAllowed: 10000, // 2.2: 0.9 ≤ 1 → 10            → group 2: 19.44
  dossiersComponentsDigitised: 600, // 3.1: 0.6 × 8 = 4.8
  resultsIssued: 900,
  resultsIssuedElectronically: 450, // 3.2: 0.5 × 7 = 3.5
  dossiersReusingDigitisedData: 200, // 3.3: 0.2 × 7 = 1.4        → group 3: 9.7
  proceduresEligibleOnline: 100,
  proceduresOfferedOnline: 80, // 4.1: 0.8 × 6 = 4.8
  dossiersOnline: 400, // 4.2: 0.4 / 0.5 × 8 = 6.4
  dossiersPayable: 300,
  dossiersPaidOnline: 120, // 4.3: 0.4 ≥ 0.3 → 8                → group 4: 19.2
  feedbackDue: 20,
  feedbackHandledOnTime: 18, // 5.1: 0.9 × 6 = 5.4
  feedbackHandlingRatings: 40,
  feedbackHandlingSatisfied: 30, // 5.2: 0.75 × 6 = 4.5
  dossierRatings: 300,
  dossierRatingsSatisfied: 270, // 5.3: 0.9 × 6 = 5.4            → group 5: 15.3
};

const withTargets = (targets: Record<string, number>): ServiceIndexDefinition => ({
  ...SERVICE_INDEX_766,
  groups: SERVICE_INDEX_766.groups.map((g) => ({
    ...g,
    indicators: g.indicators.map((i) => (i.code in targets ? { ...i, target: targets[i.code]! } : i)),
  })),
});

describe('SERVICE_INDEX_766', () => {
  it('is a valid definition of 100 points in five groups (18, 20, 22, 22, 18)', () => {
    expect(validateServiceIndexDefinition(SERVICE_INDEX_766)).toEqual([]);
    expect(SERVICE_INDEX_766.groups.map((g) => g.max)).toEqual([18, 20, 22, 22, 18]);
    expect(SERVICE_INDEX_766.groups[4]!.indicators.find((i) => i.code === '5.3')!.max).toBe(6);
    expect(Object.isFrozen(SERVICE_INDEX_766.groups[0]!.indicators[0])).toBe(true);
    for (const indicator of SERVICE_INDEX_766.groups.flatMap((g) => g.indicators)) {
      expect(
        indicator.name.vi && indicator.name.en && indicator.definition.vi && indicator.definition.en,
      ).toBeTruthy();
    }
  });
});

describe('computeServiceIndex', () => {
  it('scores the worked example: 80.74 points, band "tot" (good)', () => {
    const result = computeServiceIndex(SERVICE_INDEX_766, example);
    expect(result.groups.map((g) => g.points)).toEqual([17.1, 19.44, 9.7, 19.2, 15.3]);
    expect(result.total).toBe(80.74);
    expect(result.band).toBe('tot');
    expect(result.bandName).toEqual({ vi: 'Tốt', en: 'Good' });
    const i21 = result.groups[1]!.indicators[0]!;
    expect(i21).toMatchObject({
      code: '2.1',
      numerator: 850,
      denominator: 900,
      target: 1,
      points: 9.44,
      max: 10,
    });
    expect(i21.ratio).toBeCloseTo(0.9444, 4);
    expect(result.groups[1]!.indicators[1]).toMatchObject({
      ratio: 0.9,
      points: 10,
      direction: 'lower_is_better',
    });
  });

  it('lets targets change the points and the band', () => {
    // Online dossiers: a target of 40 % gives 4.2 full points (+1.6).
    const easierOnline = computeServiceIndex(withTargets({ '4.2': 0.4 }), example);
    expect(easierOnline.groups[3]!.points).toBe(20.8);
    expect(easierOnline.total).toBe(82.34);
    // Digitisation targets of 20 % give group 3 its 22 points: 93.04, excellent.
    const easierDigitisation = computeServiceIndex(
      withTargets({ '3.1': 0.2, '3.2': 0.2, '3.3': 0.2 }),
      example,
    );
    expect(easierDigitisation.total).toBe(93.04);
    expect(easierDigitisation.band).toBe('xuat_sac');
    // A stricter time target: actual/allowed = 0.9 against 0.75 → 10 × 0.75 / 0.9 = 8.33 (−1.67).
    const stricterTime = computeServiceIndex(withTargets({ '2.2': 0.75 }), example);
    expect(stricterTime.groups[1]!.indicators[1]!.points).toBe(8.33);
    expect(stricterTime.total).toBe(79.08);
    expect(stricterTime.band).toBe('kha');
  });

  it('bands at the boundaries: 90 excellent, 80 good, 70 fair, 50 average, below 50 weak', () => {
    // One indicator worth the whole 100 points, with the 766 bands: total = share of 10 000.
    const single: ServiceIndexDefinition = {
      ...SERVICE_INDEX_766,
      inputs: { done: { vi: 'Đạt', en: 'Done' }, all: { vi: 'Tất cả', en: 'All' } },
      groups: [
        {
          code: 'g',
          name: { vi: 'Nhóm', en: 'Group' },
          max: 100,
          indicators: [
            {
              ...SERVICE_INDEX_766.groups[0]!.indicators[0]!,
              numerator: 'done',
              denominator: 'all',
              max: 100,
            },
          ],
        },
      ],
    };
    const band = (percent: number) => computeServiceIndex(single, { done: percent * 100, all: 10_000 });
    expect(band(90)).toMatchObject({ total: 90, band: 'xuat_sac' });
    expect(band(89.99)).toMatchObject({ total: 89.99, band: 'tot' });
    expect(band(80).band).toBe('tot');
    expect(band(70).band).toBe('kha');
    expect(band(50).band).toBe('trung_binh');
    expect(band(49.99).band).toBe('yeu');
  });

  it('reports a zero denominator as not applicable and rescales within the group', () => {
    const result = computeServiceIndex(SERVICE_INDEX_766, {
      ...example,
      dossiersPayable: 0,
      dossiersPaidOnline: 0,
    });
    const online = result.groups[3]!;
    expect(online.indicators[2]).toMatchObject({ code: '4.3', applicable: false, ratio: null, points: null });
    expect(online.applicableMax).toBe(14);
    // (4.8 + 6.4) × 22 / 14 = 17.6
    expect(online.points).toBe(17.6);
    expect(result.total).toBe(79.14);
    // Other policies, as data.
    expect(
      computeServiceIndex(
        { ...SERVICE_INDEX_766, notApplicable: 'full_points' },
        { ...example, dossiersPayable: 0, dossiersPaidOnline: 0 },
      ).total,
    ).toBe(80.74);
    expect(
      computeServiceIndex(
        { ...SERVICE_INDEX_766, notApplicable: 'zero_points' },
        { ...example, dossiersPayable: 0, dossiersPaidOnline: 0 },
      ).total,
    ).toBe(72.74);
  });

  it('returns no total when nothing is applicable', () => {
    const zeros = Object.fromEntries(Object.keys(example).map((k) => [k, 0])) as ServiceIndex766Inputs;
    const result = computeServiceIndex(SERVICE_INDEX_766, zeros);
    expect(result).toMatchObject({ total: null, band: null, bandName: null });
    expect(result.groups.every((g) => g.points === null)).toBe(true);
  });

  it('stays within 0..max and never decreases when a numerator grows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 23, maxLength: 23 }),
        (shares) => {
          const inputs = { ...example };
          const keys = [
            'proceduresPublishedOnTime',
            'dossiersSynced',
            'dossiersProgressPublic',
            'dossiersOnline',
          ] as const;
          keys.forEach((key, i) => {
            inputs[key] = Math.floor(shares[i]! * (key === 'proceduresPublishedOnTime' ? 50 : 1000));
          });
          const result = computeServiceIndex(SERVICE_INDEX_766, inputs);
          expect(result.total!).toBeGreaterThanOrEqual(0);
          expect(result.total!).toBeLessThanOrEqual(100);
          const more = computeServiceIndex(SERVICE_INDEX_766, { ...inputs, dossiersSynced: 1000 });
          expect(more.total!).toBeGreaterThanOrEqual(result.total!);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('lists every problem with the inputs, with paths', () => {
    const { dossierRatings: _omitted, ...missing } = example;
    try {
      computeServiceIndex(SERVICE_INDEX_766, { ...missing, dossiersSynced: 1200, feedbackDue: -1, typo: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ServiceIndexError);
      const paths = (error as ServiceIndexError).issues.map((i) => `${i.path} ${i.code}`);
      expect(paths).toEqual(
        expect.arrayContaining([
          'inputs.typo unknown_input',
          'inputs.dossierRatings missing_input',
          'inputs.feedbackDue invalid_input',
        ]),
      );
    }
    expect(() => computeServiceIndex(SERVICE_INDEX_766, { ...example, dossiersSynced: 1200 })).toThrow(
      /"dossiersSynced" \(1200\) exceeds "dossiersReceived" \(1000\)/,
    );
  });

  it('rejects an inconsistent definition with paths', () => {
    const broken: ServiceIndexDefinition = {
      ...SERVICE_INDEX_766,
      bands: [...SERVICE_INDEX_766.bands.slice(0, 2)],
      groups: SERVICE_INDEX_766.groups.map((g, index) =>
        index === 0
          ? { ...g, indicators: g.indicators.map((i, j) => (j === 0 ? { ...i, max: 7, target: 0 } : i)) }
          : g,
      ),
    };
    const issues = validateServiceIndexDefinition(broken).map((i) => `${i.path} ${i.code}`);
    expect(issues).toEqual([
      'groups[0].indicators[0].target invalid_target',
      'groups[0].max max_mismatch',
      'bands bands_incomplete',
    ]);
    expect(() => computeServiceIndex(broken, example)).toThrow(ServiceIndexError);
  });
});
