import { criticalValue, normalCdf } from './normal.js';
import type { Estimate, ScoreResult } from './scoring.js';

/**
 * The change between two independent estimates (two periods, or two units):
 * `difference = current − previous` (points), `SE = √(SE_current² + SE_previous²)`,
 * interval `difference ± z·SE`, two-sided `pValue = 2·(1 − Φ(|difference| / SE))`.
 * `significant` is true only when the interval excludes 0 AND both figures are publishable (enough
 * respondents), so a change between tiny samples is never announced as real.
 * Fields are null when either value or standard error is unknown.
 */
export interface Change {
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  standardError: number | null;
  pValue: number | null;
  significant: boolean;
}

/** A change for a dimension or an item, with its code. */
export interface CodedChange extends Change {
  code: string;
}

/** Changes between two score results: overall, and per dimension and item (matched by code). */
export interface ScoreComparison {
  overall: Change;
  dimensions: CodedChange[];
  items: CodedChange[];
}

/** A change without an interval: no value on one side, or no standard error to build the interval from. */
function withoutInterval(difference: number | null): Change {
  return { difference, ciLow: null, ciHigh: null, standardError: null, pValue: null, significant: false };
}

/** Change from `previous` to `current` (independent samples); see `Change` for the formulas. */
export function changeBetween(current: Estimate, previous: Estimate, confidence = 0.95): Change {
  const z = criticalValue(confidence);
  if (current.value === null || previous.value === null) {
    return withoutInterval(null);
  }
  const difference = current.value - previous.value;
  if (current.standardError === null || previous.standardError === null) return withoutInterval(difference);
  const standardError = Math.sqrt(current.standardError ** 2 + previous.standardError ** 2);
  const ciLow = difference - z * standardError;
  const ciHigh = difference + z * standardError;
  let pValue: number;
  if (standardError > 0) pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(difference) / standardError)));
  else pValue = difference === 0 ? 1 : 0;
  const excludesZero = ciLow > 0 || ciHigh < 0;
  return {
    difference,
    ciLow,
    ciHigh,
    standardError,
    pValue,
    significant: excludesZero && current.publishable && previous.publishable,
  };
}

function matchByCode(
  current: readonly (Estimate & { code: string })[],
  previous: readonly (Estimate & { code: string })[],
  confidence: number,
): CodedChange[] {
  const byCode = new Map(previous.map((estimate) => [estimate.code, estimate]));
  return current.map((estimate) => {
    const before = byCode.get(estimate.code);
    if (!before) return { code: estimate.code, ...withoutInterval(null) };
    return { code: estimate.code, ...changeBetween(estimate, before, confidence) };
  });
}

/**
 * Compares two score results of the same instrument (e.g. this year and last year): `changeBetween` for the
 * overall figure and for each dimension and item of `current`, matched by code (no match → nulls).
 * Confidence defaults to the confidence of `current`.
 */
export function compareScores(
  current: ScoreResult,
  previous: ScoreResult,
  confidence = current.confidence,
): ScoreComparison {
  return {
    overall: changeBetween(current, previous, confidence),
    dimensions: matchByCode(current.dimensions, previous.dimensions, confidence),
    items: matchByCode(current.items, previous.items, confidence),
  };
}
