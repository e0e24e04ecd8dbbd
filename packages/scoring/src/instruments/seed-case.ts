import { mulberry32 } from '../ranking/random.js';
import type { SurveyResponse } from '../statistics/counts.js';

/**
 * The seed case: Bắc Kạn's published SIPAS 2019 result (method 2640/QĐ-BNV), the figures the demo data
 * reproduces. Published: overall 85.16%, rank 32 of 63; factor 2 "administrative procedures" 90.26% (highest
 * factor); criterion 2.3 91.25% (highest criterion); criterion 5.3 68.18% (lowest criterion).
 */
export const SEED_CASE = Object.freeze({
  unit: { vi: 'Bắc Kạn', en: 'Bắc Kạn' },
  year: 2019,
  instrument: { code: 'SIPAS', version: '2017' },
  overall: 85.16,
  rank: 32,
  rankedUnits: 63,
  highestDimension: { code: '2', value: 90.26 },
  highestItem: { code: '2.3', value: 91.25 },
  lowestItem: { code: '5.3', value: 68.18 },
});

/** Respondents in the constructed seed-case response set. */
export const SEED_CASE_RESPONDENTS = 900;

/**
 * Per criterion of SIPAS 2017 (answer order): how many of the 900 respondents answered it and how many of those
 * answered 4 or 5. Chosen so that the 2640 rule gives the published figures to two decimals:
 * 2.3 = 730/800 = 91.25%, 5.3 = 600/880 = 68.18%, factor 2 = 90.258%, overall = 85.15999%.
 */
const ITEM_PLAN: readonly (readonly [code: string, answered: number, satisfied: number])[] = [
  ['1.1', 892, 769],
  ['1.2', 888, 757],
  ['1.3', 884, 720],
  ['1.4', 874, 744],
  ['2.1', 880, 793],
  ['2.2', 883, 790],
  ['2.3', 800, 730],
  ['2.4', 881, 802],
  ['2.5', 889, 795],
  ['3.1', 898, 804],
  ['3.2', 896, 796],
  ['3.3', 893, 787],
  ['3.4', 890, 800],
  ['3.5', 887, 782],
  ['3.6', 885, 788],
  ['4.1', 891, 792],
  ['4.2', 889, 776],
  ['4.3', 886, 767],
  ['5.1', 874, 703],
  ['5.2', 868, 671],
  ['5.3', 880, 600],
  ['5.4', 862, 622],
];

/** The seed-case plan as data: item code, respondents who answered, respondents satisfied (4 or 5). */
export const SEED_CASE_ITEM_PLAN = ITEM_PLAN;

/**
 * Builds the 900 seed-case responses to SIPAS 2017 (answers aligned to `itemCodes(SIPAS_2017)`, unweighted),
 * deterministically (`mulberry32`, fixed seed). Per criterion, exactly `answered` respondents answer (the rest
 * leave it blank) and exactly `satisfied` of them answer 4 or 5, per `SEED_CASE_ITEM_PLAN`. Answers are
 * correlated within a respondent through a latent disposition, as in real surveys: the most favourable satisfied
 * answers are 5 (about 45%), the rest 4; unsatisfied answers are mostly 3, some 2, a few 1.
 */
export function buildSeedCaseResponses(): SurveyResponse[] {
  const random = mulberry32(2019);
  const n = SEED_CASE_RESPONDENTS;
  const disposition = Array.from({ length: n }, () => random());
  const answers: (number | null)[][] = Array.from({ length: n }, () =>
    new Array<number | null>(ITEM_PLAN.length).fill(null),
  );

  ITEM_PLAN.forEach(([, answered, satisfied], item) => {
    const order = Array.from({ length: n }, (_, r) => r);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const respondents = order.slice(0, answered);
    const propensity = new Map(respondents.map((r) => [r, disposition[r]! + 0.35 * random()]));
    respondents.sort((a, b) => propensity.get(b)! - propensity.get(a)! || a - b);
    const fives = Math.round(satisfied * 0.45);
    const unsatisfied = answered - satisfied;
    const ones = Math.round(unsatisfied * 0.1);
    const twos = Math.round(unsatisfied * 0.25);
    respondents.forEach((r, position) => {
      let level: number;
      if (position < fives) level = 5;
      else if (position < satisfied) level = 4;
      else if (position >= answered - ones) level = 1;
      else if (position >= answered - ones - twos) level = 2;
      else level = 3;
      answers[r]![item] = level;
    });
  });
  return answers.map((row) => ({ answers: row }));
}
