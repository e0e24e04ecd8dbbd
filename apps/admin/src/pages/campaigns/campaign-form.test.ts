import { describe, expect, it } from 'vitest';
import {
  allFieldErrorsShown,
  EMPTY_SETTINGS,
  fieldErrorAt,
  sameScope,
  scopeInput,
  settingsInput,
  settingsValue,
} from './campaign-form.js';

const problem = {
  __typename: 'ValidationError',
  message: 'Dữ liệu không hợp lệ.',
  messageEn: 'Invalid input.',
  fieldErrors: [
    {
      path: ['settings', 'burstThreshold'],
      message: 'Cần một số nguyên',
      messageEn: 'Expected a whole number',
    },
    {
      path: ['scope', 'procedureCodes', '1'],
      message: 'Không có thủ tục mã X.',
      messageEn: 'There is no procedure X.',
    },
  ],
};

describe('campaign form values', () => {
  it('sends only the settings that are set and, when editing, only those that changed', () => {
    expect(settingsInput(EMPTY_SETTINGS)).toBeNull();
    const initial = settingsValue({ tokenValidDays: 30, minSecondsPerItem: 2, burstThreshold: 10 });
    expect(initial.straightLiningMinItems).toBe('');
    const edited = { ...initial, tokenValidDays: 14, burstThreshold: '10', rateLimitPerWindow: 200_000 };
    // Out of range values go to the API as typed: its check names the field.
    expect(settingsInput(edited, initial)).toEqual({ tokenValidDays: 14, rateLimitPerWindow: 200_000 });
    expect(settingsInput(edited)).toEqual({
      tokenValidDays: 14,
      minSecondsPerItem: 2,
      burstThreshold: 10,
      rateLimitPerWindow: 200_000,
    });
  });

  it('turns a scope form into the API input and compares scopes regardless of order', () => {
    const scope = { unitIds: [], agencyCodes: ['BKN-STP'], procedureCodes: ' 1.001 , ,2.002 ' };
    expect(scopeInput(scope)).toEqual({
      units: null,
      agencyCodes: ['BKN-STP'],
      procedureCodes: ['1.001', '2.002'],
    });
    expect(sameScope(scope, { unitIds: [], agencyCodes: ['BKN-STP'], procedureCodes: '2.002,1.001' })).toBe(
      true,
    );
    expect(sameScope(scope, { unitIds: [], agencyCodes: [], procedureCodes: '2.002,1.001' })).toBe(false);
  });

  it('finds the field errors of a path prefix in the reader’s language', () => {
    expect(fieldErrorAt(problem, ['settings', 'burstThreshold'], 'vi')).toBe('Cần một số nguyên');
    expect(fieldErrorAt(problem, ['scope', 'procedureCodes'], 'en')).toBe('There is no procedure X.');
    expect(fieldErrorAt(problem, ['name'], 'vi')).toBeUndefined();
    expect(
      allFieldErrorsShown(problem, [
        ['settings', 'burstThreshold'],
        ['scope', 'procedureCodes'],
      ]),
    ).toBe(true);
    expect(allFieldErrorsShown(problem, [['settings']])).toBe(false);
    expect(allFieldErrorsShown({ __typename: 'ConflictError' }, [['settings']])).toBe(false);
  });
});
