import type { Instrument } from '../instruments/types.js';
import type { ResponseCounts } from '../statistics/counts.js';
import { type ScoreOptions, scoreCounts } from '../statistics/scoring.js';
import { betaDraw, mulberry32, normalDraw, type UniformSource } from './random.js';
import { rankUnits } from './rank.js';

/**
 * A unit whose rank is uncertain, described by one of:
 * - `{ id, successes, n }`: a share (percent = 100·successes/n), drawn from its Jeffreys posterior
 *   Beta(successes + ½, n − successes + ½);
 * - `{ id, value, standardError }`: an estimate (e.g. a `ScoreResult`), drawn from N(value, SE²);
 * - `{ id, counts }`: rollup counts, scored with `options.instrument` and drawn from N(overall, SE²) — the
 *   standard error of the overall index comes from per-respondent scores, so it accounts for the correlation
 *   between one respondent's answers.
 */
export type RankIntervalUnit =
  | { id: string; successes: number; n: number }
  | { id: string; value: number | null; standardError: number | null }
  | { id: string; counts: ResponseCounts };

/** Options of `rankIntervals`. */
export interface RankIntervalOptions {
  /** Number of Monte-Carlo draws (default 1000). */
  draws?: number;
  /** Seed of the generator (default 1): the same seed gives the same intervals. */
  seed?: number;
  /** Share of a unit's simulated ranks the interval holds (default 0.9). */
  confidence?: number;
  /** Decimals of the published value, for the point rank (default 2). */
  decimals?: number;
  /** `desc` (default): higher is better. */
  order?: 'asc' | 'desc';
  /** Needed for units given as counts. */
  instrument?: Instrument;
  /** Scoring options for units given as counts. */
  scoreOptions?: ScoreOptions;
}

/** A unit's published rank and the range of ranks it could plausibly hold. */
export interface RankInterval {
  id: string;
  value: number | null;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
}

interface Prepared {
  id: string;
  value: number | null;
  draw: ((random: UniformSource) => number) | null;
}

function prepare(unit: RankIntervalUnit, options: RankIntervalOptions): Prepared {
  if ('counts' in unit) {
    if (!options.instrument)
      throw new RangeError(`Unit "${unit.id}" is given as counts: pass options.instrument`);
    const score = scoreCounts(options.instrument, unit.counts, options.scoreOptions);
    return prepare({ id: unit.id, value: score.value, standardError: score.standardError }, options);
  }
  if ('successes' in unit) {
    const { successes, n } = unit;
    if (!(n >= 0 && successes >= 0 && successes <= n)) {
      throw new RangeError(`Unit "${unit.id}": need 0 <= successes <= n, got ${successes} of ${n}`);
    }
    if (n === 0) return { id: unit.id, value: null, draw: null };
    return {
      id: unit.id,
      value: (100 * successes) / n,
      draw: (random) => 100 * betaDraw(successes + 0.5, n - successes + 0.5, random),
    };
  }
  const { value, standardError } = unit;
  if (value === null) return { id: unit.id, value: null, draw: null };
  if (standardError === null) return { id: unit.id, value, draw: null };
  return { id: unit.id, value, draw: (random) => value + standardError * normalDraw(random) };
}

/**
 * Rank intervals by seeded Monte-Carlo simulation: in each of `draws` rounds every unit's value is drawn from
 * its sampling distribution (see `RankIntervalUnit`) and the units are ranked (rank = 1 + number of units with
 * a better draw); a unit's interval runs from the `(1 − confidence)/2` to the `(1 + confidence)/2` quantile of
 * its simulated ranks, widened if needed to contain its published rank (`rankUnits` on the values rounded to
 * `decimals`). Units without a value get nulls and take no part; a unit with a value but no standard error
 * (one respondent) keeps its value in every draw and gets the widest interval, 1…(number of ranked units).
 * Deterministic for a given seed. Result in published-rank order.
 */
export function rankIntervals(
  units: readonly RankIntervalUnit[],
  options: RankIntervalOptions = {},
): RankInterval[] {
  const draws = options.draws ?? 1000;
  const confidence = options.confidence ?? 0.9;
  if (!Number.isInteger(draws) || draws < 1)
    throw new RangeError(`draws must be a whole number >= 1, got ${draws}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  const descending = (options.order ?? 'desc') === 'desc';
  const prepared = units.map((unit) => prepare(unit, options));
  const ranked = rankUnits(
    prepared.map(({ id, value }) => ({ id, value })),
    { decimals: options.decimals ?? 2, order: options.order ?? 'desc', nulls: 'exclude' },
  );
  const active = prepared.filter((unit) => unit.value !== null);
  const count = active.length;
  const random = mulberry32(options.seed ?? 1);
  const simulated = active.map(() => new Int32Array(draws));
  const values = new Float64Array(count);
  const order = Array.from({ length: count }, (_, i) => i);

  for (let t = 0; t < draws; t += 1) {
    for (let i = 0; i < count; i += 1) {
      const unit = active[i]!;
      values[i] = unit.draw ? unit.draw(random) : unit.value!;
    }
    order.sort((a, b) => (descending ? values[b]! - values[a]! : values[a]! - values[b]!));
    for (let position = 0; position < count; position += 1) {
      const i = order[position]!;
      const previous = order[position - 1];
      const rank =
        previous !== undefined && values[previous] === values[i] ? simulated[previous]![t]! : position + 1;
      simulated[i]![t] = rank;
    }
  }

  const lowIndex = Math.min(draws - 1, Math.max(0, Math.floor(((1 - confidence) / 2) * draws)));
  const highIndex = Math.min(draws - 1, Math.max(0, Math.ceil(((1 + confidence) / 2) * draws) - 1));
  const intervals = new Map<string, { rankLow: number; rankHigh: number }>();
  active.forEach((unit, i) => {
    if (!unit.draw) {
      intervals.set(unit.id, { rankLow: 1, rankHigh: count });
      return;
    }
    const ranks = simulated[i]!.sort();
    intervals.set(unit.id, { rankLow: ranks[lowIndex]!, rankHigh: ranks[highIndex]! });
  });

  const result: RankInterval[] = ranked.map((unit) => {
    const interval = intervals.get(unit.id)!;
    const rank = unit.rank!;
    return {
      id: unit.id,
      value: unit.value,
      rank,
      rankLow: Math.min(rank, interval.rankLow),
      rankHigh: Math.max(rank, interval.rankHigh),
    };
  });
  for (const unit of prepared) {
    if (unit.value === null)
      result.push({ id: unit.id, value: null, rank: null, rankLow: null, rankHigh: null });
  }
  return result;
}
