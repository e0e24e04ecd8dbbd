import { describe, expect, test } from 'vitest';
import { roundTo } from '../ranking/rank.js';
import { scoreResponses } from '../statistics/scoring.js';
import {
  buildSeedCaseResponses,
  SEED_CASE,
  SEED_CASE_ITEM_PLAN,
  SEED_CASE_RESPONDENTS,
} from './seed-case.js';
import { SIPAS_2017 } from './sipas-2017.js';
import { itemCodes } from './structure.js';

describe('seed case (Bắc Kạn, SIPAS 2019)', () => {
  const responses = buildSeedCaseResponses();
  const result = scoreResponses(SIPAS_2017, responses);

  test('has a realistic size and answers on every level, with blanks', () => {
    expect(responses).toHaveLength(SEED_CASE_RESPONDENTS);
    expect(SEED_CASE_RESPONDENTS).toBeGreaterThanOrEqual(600);
    expect(SEED_CASE_RESPONDENTS).toBeLessThanOrEqual(1500);
    const levels = new Map<number | null, number>();
    for (const response of responses) {
      expect(response.answers).toHaveLength(22);
      for (const answer of response.answers) levels.set(answer, (levels.get(answer) ?? 0) + 1);
    }
    for (const level of [1, 2, 3, 4, 5, null]) expect(levels.get(level) ?? 0).toBeGreaterThan(100);
  });

  test('is deterministic', () => {
    expect(buildSeedCaseResponses()).toEqual(responses);
  });

  test('follows the plan item by item', () => {
    expect(SEED_CASE_ITEM_PLAN.map(([code]) => code)).toEqual(itemCodes(SIPAS_2017));
    SEED_CASE_ITEM_PLAN.forEach(([code, answered, satisfied], i) => {
      const item = result.items[i]!;
      expect(item.code).toBe(code);
      expect(item.n).toBe(answered);
      expect(item.value).toBeCloseTo((100 * satisfied) / answered, 12);
    });
  });

  test('reproduces the published figures to two decimals', () => {
    expect(roundTo(result.value!, 2)).toBe(SEED_CASE.overall);
    expect(roundTo(result.value!, 2)).toBe(85.16);
    const factor2 = result.dimensions.find((d) => d.code === '2')!;
    expect(roundTo(factor2.value!, 2)).toBe(90.26);
    const item23 = result.items.find((i) => i.code === '2.3')!;
    const item53 = result.items.find((i) => i.code === '5.3')!;
    expect(roundTo(item23.value!, 2)).toBe(91.25);
    expect(roundTo(item53.value!, 2)).toBe(68.18);
    expect(item23.n).toBe(800);
    expect(item53.n).toBe(880);
  });

  test('factor 2 is the highest factor, 2.3 the highest and 5.3 the lowest criterion', () => {
    const byValue = <T extends { value: number | null }>(list: T[]) =>
      [...list].sort((a, b) => b.value! - a.value!);
    expect(byValue(result.dimensions)[0]!.code).toBe(SEED_CASE.highestDimension.code);
    const items = byValue(result.items);
    expect(items[0]!.code).toBe(SEED_CASE.highestItem.code);
    expect(items.at(-1)!.code).toBe(SEED_CASE.lowestItem.code);
  });

  test('every figure is publishable with a narrow interval around it', () => {
    for (const estimate of [result, ...result.dimensions, ...result.items]) {
      expect(estimate.publishable).toBe(true);
      expect(estimate.ciLow).toBeLessThan(estimate.value!);
      expect(estimate.ciHigh).toBeGreaterThan(estimate.value!);
      expect(estimate.ciHigh - estimate.ciLow).toBeLessThan(8);
    }
  });
});
