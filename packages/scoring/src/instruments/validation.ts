import { fieldError as error, ScoringInputError } from '../input-error.js';
import { findAggregationRule } from './aggregation.js';
import { instrumentLayout } from './structure.js';
import type { FieldError, Instrument, LocalizedText } from './types.js';

/**
 * Checks one response's answers against an instrument: an array with one entry per item (answer order), each
 * `null` (not answered) or one of the scale's level values. Returns one error per problem, with paths such as
 * `answers[3]` (prefix configurable), and an empty array when the answers are valid.
 */
export function validateAnswers(instrument: Instrument, answers: unknown, path = 'answers'): FieldError[] {
  const { itemCodes } = instrumentLayout(instrument);
  if (!Array.isArray(answers)) {
    return [error(path, 'not_an_array', 'Câu trả lời phải là một danh sách.', 'Answers must be a list.')];
  }
  const errors: FieldError[] = [];
  if (answers.length !== itemCodes.length) {
    errors.push(
      error(
        path,
        'wrong_length',
        `Cần đúng ${itemCodes.length} câu trả lời (mỗi tiêu chí một câu, để trống là null), nhận được ${answers.length}.`,
        `Expected exactly ${itemCodes.length} answers (one per item, null when not answered), got ${answers.length}.`,
      ),
    );
  }
  const { min, max } = instrument.scale;
  const limit = Math.min(answers.length, itemCodes.length);
  for (let i = 0; i < limit; i += 1) {
    const answer: unknown = answers[i];
    if (answer === null) continue;
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < min || answer > max) {
      errors.push(
        error(
          `${path}[${i}]`,
          'out_of_scale',
          `Câu trả lời cho tiêu chí ${itemCodes[i]} phải là số nguyên từ ${min} đến ${max} hoặc để trống.`,
          `The answer to item ${itemCodes[i]} must be a whole number from ${min} to ${max}, or empty.`,
        ),
      );
    }
  }
  return errors;
}

function checkText(
  errors: FieldError[],
  path: string,
  text: LocalizedText | undefined,
  required: boolean,
): void {
  if (text === undefined || text === null) {
    if (required) errors.push(error(path, 'required', 'Bắt buộc nhập.', 'Required.'));
    return;
  }
  for (const language of ['vi', 'en'] as const) {
    const value = text[language];
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(
        error(
          `${path}.${language}`,
          'required',
          language === 'vi' ? 'Cần có nội dung tiếng Việt.' : 'Cần có nội dung tiếng Anh.',
          language === 'vi' ? 'Vietnamese text is required.' : 'English text is required.',
        ),
      );
    }
  }
}

function checkCode(errors: FieldError[], path: string, code: unknown): code is string {
  if (typeof code !== 'string' || code.trim() === '') {
    errors.push(error(path, 'required', 'Cần có mã.', 'A code is required.'));
    return false;
  }
  if (code !== code.trim()) {
    errors.push(
      error(
        path,
        'whitespace',
        'Mã không được có khoảng trắng ở đầu hoặc cuối.',
        'A code must not start or end with spaces.',
      ),
    );
  }
  return true;
}

/**
 * Checks an instrument definition (for custom, province-defined instruments): code, version and bilingual
 * names present; a scale of whole-number levels `min..max` listed once each, with `min < satisfiedFrom <= max`;
 * at least one dimension, each with at least one item; dimension codes unique, item codes unique across the
 * instrument; the aggregation rule registered. Returns every problem with its path; empty when valid.
 */
export function validateInstrument(instrument: Instrument): FieldError[] {
  const errors: FieldError[] = [];
  checkCode(errors, 'code', instrument.code);
  checkCode(errors, 'version', instrument.version);
  checkText(errors, 'name', instrument.name, true);
  checkText(errors, 'description', instrument.description, false);

  const scale = instrument.scale;
  if (!scale || typeof scale !== 'object') {
    errors.push(error('scale', 'required', 'Cần có thang đo.', 'A scale is required.'));
  } else {
    const { min, max, satisfiedFrom, levels } = scale;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
      errors.push(
        error(
          'scale',
          'bad_range',
          'Thang đo cần hai mức nguyên min < max.',
          'The scale needs whole-number bounds with min < max.',
        ),
      );
    } else {
      if (max - min > 100) {
        errors.push(
          error('scale', 'too_many_levels', 'Thang đo tối đa 101 mức.', 'A scale has at most 101 levels.'),
        );
      }
      if (!Number.isInteger(satisfiedFrom) || satisfiedFrom <= min || satisfiedFrom > max) {
        errors.push(
          error(
            'scale.satisfiedFrom',
            'out_of_scale',
            `Mức "hài lòng từ" phải là số nguyên lớn hơn ${min} và không quá ${max}.`,
            `satisfiedFrom must be a whole number above ${min} and at most ${max}.`,
          ),
        );
      }
      const seen = new Set<number>();
      (Array.isArray(levels) ? levels : []).forEach((level, i) => {
        const path = `scale.levels[${i}]`;
        if (!Number.isInteger(level?.value) || level.value < min || level.value > max) {
          errors.push(
            error(
              `${path}.value`,
              'out_of_scale',
              `Giá trị mức phải là số nguyên từ ${min} đến ${max}.`,
              `A level value must be a whole number from ${min} to ${max}.`,
            ),
          );
        } else if (seen.has(level.value)) {
          errors.push(error(`${path}.value`, 'duplicate', 'Mức bị lặp lại.', 'This level is listed twice.'));
        } else {
          seen.add(level.value);
        }
        checkText(errors, `${path}.label`, level?.label, true);
      });
      if (max - min <= 100) {
        for (let value = min; value <= max; value += 1) {
          if (!seen.has(value)) {
            errors.push(
              error(
                'scale.levels',
                'missing_level',
                `Thiếu nhãn cho mức ${value}.`,
                `Level ${value} has no label.`,
              ),
            );
          }
        }
      }
    }
  }

  const dimensions = Array.isArray(instrument.dimensions) ? instrument.dimensions : [];
  if (dimensions.length === 0) {
    errors.push(
      error('dimensions', 'empty', 'Cần ít nhất một nhóm tiêu chí.', 'At least one dimension is required.'),
    );
  }
  const dimensionCodes = new Set<string>();
  const itemCodes = new Set<string>();
  dimensions.forEach((dimension, d) => {
    const path = `dimensions[${d}]`;
    if (checkCode(errors, `${path}.code`, dimension.code)) {
      if (dimensionCodes.has(dimension.code)) {
        errors.push(
          error(
            `${path}.code`,
            'duplicate',
            `Mã nhóm "${dimension.code}" bị trùng.`,
            `Dimension code "${dimension.code}" is used twice.`,
          ),
        );
      }
      dimensionCodes.add(dimension.code);
    }
    checkText(errors, `${path}.name`, dimension.name, true);
    const items = Array.isArray(dimension.items) ? dimension.items : [];
    if (items.length === 0) {
      errors.push(
        error(
          `${path}.items`,
          'empty',
          'Mỗi nhóm cần ít nhất một tiêu chí.',
          'Each dimension needs at least one item.',
        ),
      );
    }
    items.forEach((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      if (checkCode(errors, `${itemPath}.code`, item.code)) {
        if (itemCodes.has(item.code)) {
          errors.push(
            error(
              `${itemPath}.code`,
              'duplicate',
              `Mã tiêu chí "${item.code}" bị trùng.`,
              `Item code "${item.code}" is used twice.`,
            ),
          );
        }
        itemCodes.add(item.code);
      }
      checkText(errors, `${itemPath}.text`, item.text, true);
      if (
        item.wordingStatus !== undefined &&
        item.wordingStatus !== 'official' &&
        item.wordingStatus !== 'believed'
      ) {
        errors.push(
          error(
            `${itemPath}.wordingStatus`,
            'invalid',
            'Trạng thái câu chữ phải là "official" hoặc "believed".',
            'wordingStatus must be "official" or "believed".',
          ),
        );
      }
    });
  });

  if (typeof instrument.aggregation !== 'string' || !findAggregationRule(instrument.aggregation)) {
    errors.push(
      error(
        'aggregation',
        'unknown_rule',
        `Quy tắc tổng hợp "${String(instrument.aggregation)}" chưa được đăng ký.`,
        `Aggregation rule "${String(instrument.aggregation)}" is not registered.`,
      ),
    );
  }
  return errors;
}

/**
 * Thrown by `createInstrumentFromTemplate` and `assertValidInstrument` for an invalid definition; `issues` lists
 * each problem with its path.
 */
export class InstrumentValidationError extends ScoringInputError {
  override readonly name = 'InstrumentValidationError';

  /** The problems found: the same list as `issues`. */
  get errors(): readonly FieldError[] {
    return this.issues;
  }
}

/** Throws `InstrumentValidationError` unless `validateInstrument` finds no problem. */
export function assertValidInstrument(instrument: Instrument): void {
  const errors = validateInstrument(instrument);
  if (errors.length > 0) throw new InstrumentValidationError(errors);
}
