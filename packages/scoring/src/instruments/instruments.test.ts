import { describe, expect, test } from 'vitest';
import { scoreResponses } from '../statistics/scoring.js';
import {
  type AggregationRule,
  aggregationRuleIds,
  getAggregationRule,
  registerAggregationRule,
  SIPAS_2640_RULE,
} from './aggregation.js';
import { OMB_A11_280 } from './omb-a11-280.js';
import { getInstrument, INSTRUMENTS } from './registry.js';
import { SIPAS_2017 } from './sipas-2017.js';
import { dimensionOfItem, findItem, itemCodes, itemCount, itemIndex } from './structure.js';
import { createInstrumentFromTemplate } from './template.js';
import { TT01_2018_DOSSIER_EVALUATION } from './tt01-2018.js';
import type { Instrument } from './types.js';
import { InstrumentValidationError, validateAnswers, validateInstrument } from './validation.js';

describe('SIPAS 2017 (Decision 2640/QĐ-BNV)', () => {
  test('5 factors and 22 criteria 1.1 … 5.4 in answer order', () => {
    expect(SIPAS_2017.dimensions.map((d) => [d.code, d.items.length])).toEqual([
      ['1', 4],
      ['2', 5],
      ['3', 6],
      ['4', 3],
      ['5', 4],
    ]);
    const expected =
      '1.1 1.2 1.3 1.4 2.1 2.2 2.3 2.4 2.5 3.1 3.2 3.3 3.4 3.5 3.6 4.1 4.2 4.3 5.1 5.2 5.3 5.4';
    expect(itemCodes(SIPAS_2017)).toEqual(expected.split(' '));
    expect(itemCount(SIPAS_2017)).toBe(22);
  });

  test('five-level scale, top-2-box, 2640 aggregation', () => {
    expect(SIPAS_2017.scale.satisfiedFrom).toBe(4);
    expect(SIPAS_2017.scale.levels.map((l) => [l.value, l.label.vi, l.label.en])).toContainEqual([
      5,
      'Rất hài lòng',
      'Very satisfied',
    ]);
    expect(SIPAS_2017.scale.levels.find((l) => l.value === 1)!.label).toEqual({
      vi: 'Rất không hài lòng',
      en: 'Very dissatisfied',
    });
    expect(SIPAS_2017.aggregation).toBe('sipas-2640');
    expect(getAggregationRule('sipas-2640')).toBe(SIPAS_2640_RULE);
  });

  test('carries the reference wording and its status', () => {
    const item = findItem(SIPAS_2017, '5.3')!;
    expect(item.text.vi).toBe('Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị');
    expect(item.wordingStatus).toBe('official');
    expect(findItem(SIPAS_2017, '2.3')!.wordingStatus).toBe('believed');
    expect(findItem(SIPAS_2017, '3.2')!.wordingStatus).toBe('believed');
    expect(SIPAS_2017.dimensions[1]!.name).toEqual({
      vi: 'Thủ tục hành chính',
      en: 'Administrative procedures',
    });
  });

  test('item lookups', () => {
    expect(itemIndex(SIPAS_2017, '2.3')).toBe(6);
    expect(itemIndex(SIPAS_2017, '9.9')).toBe(-1);
    expect(dimensionOfItem(SIPAS_2017, '5.3')!.code).toBe('5');
    expect(dimensionOfItem(SIPAS_2017, 'x')).toBeUndefined();
  });

  test('is frozen', () => {
    expect(Object.isFrozen(SIPAS_2017.dimensions[0]!.items[0])).toBe(true);
    expect(() => {
      (SIPAS_2017.scale as { satisfiedFrom: number }).satisfiedFrom = 3;
    }).toThrow(TypeError);
  });
});

describe('built-in instruments', () => {
  test('all are valid and registered', () => {
    for (const instrument of INSTRUMENTS) expect(validateInstrument(instrument)).toEqual([]);
    expect(getInstrument('SIPAS', '2017')).toBe(SIPAS_2017);
    expect(getInstrument('SIPAS')).toBe(SIPAS_2017);
    expect(getInstrument('SIPAS', '2023')).toBeUndefined();
    expect(getInstrument('OMB-A11-280')).toBe(OMB_A11_280);
  });

  test('TT 01/2018: 9 indicators scored 0/1/2, a points total with maximum 18', () => {
    expect(itemCount(TT01_2018_DOSSIER_EVALUATION)).toBe(9);
    expect(TT01_2018_DOSSIER_EVALUATION.scale.levels.map((l) => l.value)).toEqual([0, 1, 2]);
    const rule = getAggregationRule(TT01_2018_DOSSIER_EVALUATION.aggregation);
    expect(rule.unit).toBe('points');
    expect(rule.overallRange(TT01_2018_DOSSIER_EVALUATION)).toEqual({ min: 0, max: 18 });
  });

  test('OMB A-11 §280: seven drivers on a 5-point agreement scale, satisfied = 4–5', () => {
    expect(itemCodes(OMB_A11_280)).toEqual([
      'satisfaction',
      'trust',
      'effectiveness',
      'ease',
      'efficiency',
      'equity',
      'employee',
    ]);
    expect(OMB_A11_280.scale.satisfiedFrom).toBe(4);
    const agree = { answers: [4, 5, 4, 5, 4, 5, 4] };
    const neutral = { answers: [3, 3, 3, 3, 3, 3, 3] };
    expect(scoreResponses(OMB_A11_280, [agree, neutral]).value).toBe(50);
  });
});

describe('validateAnswers', () => {
  test('accepts a complete or partly blank answer list', () => {
    expect(validateAnswers(SIPAS_2017, new Array(22).fill(5))).toEqual([]);
    expect(validateAnswers(SIPAS_2017, new Array(22).fill(null))).toEqual([]);
  });

  test('reports each bad answer with its path and a vi/en message', () => {
    const answers: unknown[] = new Array(22).fill(3);
    answers[3] = 6;
    answers[7] = 2.5;
    answers[9] = '4';
    const errors = validateAnswers(SIPAS_2017, answers);
    expect(errors.map((e) => e.path)).toEqual(['answers[3]', 'answers[7]', 'answers[9]']);
    expect(errors[0]!.message.en).toContain('1.4');
    expect(errors[0]!.message.vi).toContain('từ 1 đến 5');
  });

  test('reports a wrong length and a non-list', () => {
    expect(validateAnswers(SIPAS_2017, [1, 2, 3])[0]).toMatchObject({
      path: 'answers',
      code: 'wrong_length',
    });
    expect(validateAnswers(SIPAS_2017, 'x', 'input.answers')[0]).toMatchObject({
      path: 'input.answers',
      code: 'not_an_array',
    });
  });
});

describe('validateInstrument', () => {
  const broken: Instrument = {
    code: 'X',
    version: '',
    name: { vi: 'Thử', en: '' },
    scale: {
      min: 1,
      max: 3,
      satisfiedFrom: 1,
      levels: [
        { value: 1, label: { vi: 'Kém', en: 'Poor' } },
        { value: 1, label: { vi: 'Kém', en: 'Poor' } },
        { value: 3, label: { vi: 'Tốt', en: 'Good' } },
      ],
    },
    dimensions: [
      { code: 'A', name: { vi: 'A', en: 'A' }, items: [{ code: 'q1', text: { vi: 'Câu 1', en: 'Q1' } }] },
      {
        code: 'A',
        name: { vi: 'B', en: 'B' },
        items: [
          { code: 'q1', text: { vi: 'Câu 1', en: 'Q1' } },
          { code: 'q2', text: { vi: '', en: 'Q2' } },
        ],
      },
      { code: 'C', name: { vi: 'C', en: 'C' }, items: [] },
    ],
    aggregation: 'no-such-rule',
  };

  test('finds every problem with its path', () => {
    const paths = validateInstrument(broken).map((e) => `${e.path}:${e.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'version:required',
        'name.en:required',
        'scale.satisfiedFrom:out_of_scale',
        'scale.levels[1].value:duplicate',
        'scale.levels:missing_level',
        'dimensions[1].code:duplicate',
        'dimensions[1].items[0].code:duplicate',
        'dimensions[1].items[1].text.vi:required',
        'dimensions[2].items:empty',
        'aggregation:unknown_rule',
      ]),
    );
    expect(validateInstrument(broken).every((e) => e.message.vi && e.message.en)).toBe(true);
  });
});

describe('createInstrumentFromTemplate', () => {
  test('a province drops and adds items, keeping the rest of the template', () => {
    const custom = createInstrumentFromTemplate(SIPAS_2017, {
      code: 'SIPAS-BK',
      version: '2025.1',
      name: { vi: 'Khảo sát hài lòng tỉnh Bắc Kạn', en: 'Bắc Kạn satisfaction survey' },
      omitItems: ['1.1'],
      addItems: [
        {
          dimension: '5',
          items: [{ code: '5.5', text: { vi: 'Có phản hồi qua Zalo', en: 'Reply received via Zalo' } }],
        },
      ],
    });
    expect(itemCount(custom)).toBe(22);
    expect(itemCodes(custom)[0]).toBe('1.2');
    expect(itemCodes(custom).at(-1)).toBe('5.5');
    expect(custom.aggregation).toBe('sipas-2640');
    expect(custom.scale).toEqual(SIPAS_2017.scale);
    expect(Object.isFrozen(custom)).toBe(true);
    expect(itemCount(SIPAS_2017)).toBe(22);
    expect(SIPAS_2017.dimensions[4]!.items).toHaveLength(4);
  });

  test('refuses an invalid result with field paths', () => {
    try {
      createInstrumentFromTemplate(SIPAS_2017, {
        code: 'BAD',
        version: '1',
        omitItems: ['9.9'],
        addItems: [{ dimension: '1', items: [{ code: '1.2', text: { vi: 'Trùng', en: 'Duplicate' } }] }],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InstrumentValidationError);
      const paths = (error as InstrumentValidationError).errors.map((e) => e.path);
      expect(paths).toContain('omitItems[0]');
      expect(paths).toContain('dimensions[0].items[4].code');
    }
  });
});

describe('aggregation rule registry', () => {
  test('rules are pluggable per instrument version, never replaced silently', () => {
    const mean: AggregationRule = { ...SIPAS_2640_RULE, description: { vi: 'Thử nghiệm', en: 'Test rule' } };
    registerAggregationRule('test-rule', mean);
    expect(aggregationRuleIds()).toContain('test-rule');
    expect(() => registerAggregationRule('test-rule', mean)).toThrow(/already registered/);
    registerAggregationRule('test-rule', mean, { replace: true });
    expect(() => getAggregationRule('missing')).toThrow(/missing/);
  });

  test('an instrument version with its own rule is scored with it', () => {
    const strict: AggregationRule = {
      ...SIPAS_2640_RULE,
      description: { vi: 'Chỉ tính mức 5', en: 'Top box only' },
      answerScore: (level) => (level === 5 ? 100 : 0),
    };
    registerAggregationRule('top-box-only', strict, { replace: true });
    const custom = createInstrumentFromTemplate(SIPAS_2017, {
      code: 'SIPAS-STRICT',
      version: '1',
      aggregation: 'top-box-only',
    });
    const responses = [{ answers: new Array(22).fill(5) }, { answers: new Array(22).fill(4) }];
    expect(scoreResponses(custom, responses).value).toBe(50);
    expect(scoreResponses(SIPAS_2017, responses).value).toBe(100);
  });
});
