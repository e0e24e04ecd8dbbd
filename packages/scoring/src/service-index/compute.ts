import { fieldError as issue } from '../input-error.js';
import type { FieldError } from '../instruments/types.js';
import { ServiceIndexError } from './errors.js';
import type {
  ServiceIndexBand,
  ServiceIndexDefinition,
  ServiceIndexGroupResult,
  ServiceIndexIndicatorDefinition,
  ServiceIndexIndicatorResult,
  ServiceIndexInputs,
  ServiceIndexResult,
} from './types.js';

const EPSILON = 1e-9;

const isPositive = (n: number) => Number.isFinite(n) && n > 0;

/**
 * Checks a definition: unique group and indicator codes; positive maxima and targets; each group's maximum equals
 * the sum of its indicators' maxima and the definition's maximum the sum of the groups'; every input an
 * indicator uses is described; bands ordered from the highest minimum down, the last with minimum ≤ 0.
 * Returns the problems found (empty when valid).
 */
export function validateServiceIndexDefinition(definition: ServiceIndexDefinition): FieldError[] {
  const issues: FieldError[] = [];
  const codes = new Set<string>();
  const unique = (code: string, path: string) => {
    if (codes.has(code))
      issues.push(issue(path, 'duplicate_code', `Mã "${code}" bị trùng`, `Duplicate code "${code}"`));
    codes.add(code);
  };
  let groupSum = 0;
  definition.groups.forEach((group, g) => {
    const gPath = `groups[${g}]`;
    unique(group.code, `${gPath}.code`);
    if (!isPositive(group.max)) {
      issues.push(
        issue(`${gPath}.max`, 'invalid_max', 'Điểm tối đa phải dương', 'Maximum points must be positive'),
      );
    }
    groupSum += group.max;
    let indicatorSum = 0;
    if (group.indicators.length === 0) {
      issues.push(
        issue(`${gPath}.indicators`, 'empty_group', 'Nhóm chưa có chỉ số', 'The group has no indicator'),
      );
    }
    group.indicators.forEach((indicator, i) => {
      const iPath = `${gPath}.indicators[${i}]`;
      unique(indicator.code, `${iPath}.code`);
      indicatorSum += indicator.max;
      if (!isPositive(indicator.max)) {
        issues.push(
          issue(`${iPath}.max`, 'invalid_max', 'Điểm tối đa phải dương', 'Maximum points must be positive'),
        );
      }
      if (!isPositive(indicator.target)) {
        issues.push(
          issue(
            `${iPath}.target`,
            'invalid_target',
            'Mục tiêu phải là số dương',
            'The target must be a positive number',
          ),
        );
      }
      for (const side of ['numerator', 'denominator'] as const) {
        if (!(indicator[side] in definition.inputs)) {
          issues.push(
            issue(
              `${iPath}.${side}`,
              'undescribed_input',
              `Số liệu "${indicator[side]}" chưa được mô tả trong inputs`,
              `Input "${indicator[side]}" is not described in inputs`,
            ),
          );
        }
      }
    });
    if (Math.abs(indicatorSum - group.max) > EPSILON) {
      issues.push(
        issue(
          `${gPath}.max`,
          'max_mismatch',
          `Tổng điểm các chỉ số (${indicatorSum}) khác điểm tối đa của nhóm (${group.max})`,
          `The indicators' maxima add up to ${indicatorSum}, not the group maximum ${group.max}`,
        ),
      );
    }
  });
  if (Math.abs(groupSum - definition.max) > EPSILON) {
    issues.push(
      issue(
        'max',
        'max_mismatch',
        `Tổng điểm các nhóm (${groupSum}) khác điểm tối đa (${definition.max})`,
        `The groups' maxima add up to ${groupSum}, not the maximum ${definition.max}`,
      ),
    );
  }
  if (definition.bands.length === 0 || definition.bands[definition.bands.length - 1]!.min > 0) {
    issues.push(
      issue(
        'bands',
        'bands_incomplete',
        'Xếp loại phải phủ đến 0 điểm',
        'The bands must reach down to 0 points',
      ),
    );
  }
  definition.bands.forEach((band, b) => {
    if (b > 0 && !(band.min < definition.bands[b - 1]!.min)) {
      issues.push(
        issue(
          `bands[${b}].min`,
          'bands_unordered',
          'Xếp loại phải theo thứ tự điểm tối thiểu giảm dần',
          'Bands must be ordered by decreasing minimum',
        ),
      );
    }
  });
  if (!Number.isInteger(definition.decimals) || definition.decimals < 0 || definition.decimals > 10) {
    issues.push(
      issue('decimals', 'invalid_decimals', 'Số chữ số thập phân phải từ 0 đến 10', 'Decimals must be 0–10'),
    );
  }
  return issues;
}

/** Rounds half away from zero to `decimals` places. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + EPSILON)) / factor;
}

/**
 * Points of one indicator for a ratio. higher_is_better: max × min(1, ratio / target);
 * lower_is_better: max × min(1, target / ratio) (a ratio of 0 earns the maximum).
 */
export function indicatorPoints(indicator: ServiceIndexIndicatorDefinition, ratio: number): number {
  const direction = indicator.direction ?? 'higher_is_better';
  if (direction === 'higher_is_better') return indicator.max * Math.min(1, ratio / indicator.target);
  return ratio <= indicator.target ? indicator.max : indicator.max * (indicator.target / ratio);
}

/** The band of a total: the first band (from the top) whose minimum the total reaches. */
export function serviceIndexBand(definition: ServiceIndexDefinition, total: number): ServiceIndexBand {
  const band = definition.bands.find((b) => total >= b.min);
  if (!band) {
    throw new ServiceIndexError([
      issue('total', 'no_band', `Không có xếp loại cho ${total} điểm`, `No band covers a total of ${total}`),
    ]);
  }
  return band;
}

function checkInputs(definition: ServiceIndexDefinition, inputs: ServiceIndexInputs): FieldError[] {
  const issues: FieldError[] = [];
  const used = new Set<string>();
  for (const group of definition.groups) {
    for (const indicator of group.indicators) used.add(indicator.numerator).add(indicator.denominator);
  }
  for (const key of Object.keys(inputs)) {
    if (!used.has(key)) {
      issues.push(
        issue(
          `inputs.${key}`,
          'unknown_input',
          `Chỉ số không dùng số liệu "${key}"`,
          `The index uses no input "${key}"`,
        ),
      );
    }
  }
  for (const key of used) {
    const value = inputs[key];
    if (value === undefined) {
      issues.push(
        issue(`inputs.${key}`, 'missing_input', `Thiếu số liệu "${key}"`, `Missing input "${key}"`),
      );
    } else if (!Number.isFinite(value) || value < 0) {
      issues.push(
        issue(
          `inputs.${key}`,
          'invalid_input',
          `Số liệu "${key}" phải là số không âm: ${value}`,
          `Input "${key}" must be a non-negative number: ${value}`,
        ),
      );
    }
  }
  if (issues.length > 0) return issues;
  for (const group of definition.groups) {
    for (const indicator of group.indicators) {
      const numerator = inputs[indicator.numerator]!;
      const denominator = inputs[indicator.denominator]!;
      if ((indicator.direction ?? 'higher_is_better') === 'higher_is_better' && numerator > denominator) {
        issues.push(
          issue(
            `inputs.${indicator.numerator}`,
            'numerator_exceeds_denominator',
            `Chỉ số ${indicator.code}: "${indicator.numerator}" (${numerator}) lớn hơn "${indicator.denominator}" (${denominator})`,
            `Indicator ${indicator.code}: "${indicator.numerator}" (${numerator}) exceeds "${indicator.denominator}" (${denominator})`,
          ),
        );
      }
    }
  }
  return issues;
}

/**
 * Computes a points index from counts.
 *
 * For each indicator: ratio = numerator / denominator; points = max × min(1, ratio / target) (or
 * max × min(1, target / ratio) when lower is better). A denominator of 0 makes the indicator not applicable,
 * treated by `definition.notApplicable`. Group points = sum of indicator points (rescaled by group max /
 * applicable max under `rescale_within_group`); total = sum of group points (rescaled over applicable groups if
 * a whole group does not apply). Published values are rounded to `definition.decimals` from the unrounded sums;
 * the band is looked up with the rounded total. Throws a {@link ServiceIndexError} listing every problem with the
 * definition or the inputs.
 */
export function computeServiceIndex(
  definition: ServiceIndexDefinition,
  inputs: ServiceIndexInputs,
): ServiceIndexResult {
  const definitionIssues = validateServiceIndexDefinition(definition);
  if (definitionIssues.length > 0) throw new ServiceIndexError(definitionIssues);
  const inputIssues = checkInputs(definition, inputs);
  if (inputIssues.length > 0) throw new ServiceIndexError(inputIssues);

  const { decimals, notApplicable } = definition;
  let earned = 0;
  let applicableGroupMax = 0;
  const groups = definition.groups.map((group): ServiceIndexGroupResult => {
    let groupEarned = 0;
    let applicableMax = 0;
    const indicators = group.indicators.map((indicator): ServiceIndexIndicatorResult => {
      const numerator = inputs[indicator.numerator]!;
      const denominator = inputs[indicator.denominator]!;
      const direction = indicator.direction ?? 'higher_is_better';
      const applicable = denominator > 0;
      const ratio = applicable ? numerator / denominator : null;
      let points: number | null = null;
      if (ratio !== null) points = indicatorPoints(indicator, ratio);
      else if (notApplicable === 'full_points') points = indicator.max;
      else if (notApplicable === 'zero_points') points = 0;
      if (points !== null) {
        groupEarned += points;
        applicableMax += indicator.max;
      }
      return {
        code: indicator.code,
        name: indicator.name,
        numerator,
        denominator,
        ratio,
        target: indicator.target,
        direction,
        applicable,
        points: points === null ? null : round(points, decimals),
        max: indicator.max,
      };
    });
    let points: number | null = null;
    if (applicableMax > 0) {
      points = groupEarned * (group.max / applicableMax);
      earned += points;
      applicableGroupMax += group.max;
    }
    return {
      code: group.code,
      name: group.name,
      max: group.max,
      points: points === null ? null : round(points, decimals),
      applicableMax,
      indicators,
    };
  });
  const total =
    applicableGroupMax > 0 ? round(earned * (definition.max / applicableGroupMax), decimals) : null;
  const band = total === null ? null : serviceIndexBand(definition, total);
  return {
    definition: definition.code,
    total,
    max: definition.max,
    band: band?.code ?? null,
    bandName: band?.name ?? null,
    groups,
  };
}
