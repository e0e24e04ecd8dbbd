/** A unit to rank: its id and its value (null when it has no figure). */
export interface RankEntry {
  id: string;
  value: number | null;
}

/** A ranked unit: the value as given, the value rounded as published, and its rank (null when excluded). */
export interface RankedUnit {
  id: string;
  value: number | null;
  publishedValue: number | null;
  rank: number | null;
}

/** Options of `rankUnits`. */
export interface RankOptions {
  /** Decimals of the published figure; ranks are computed on values rounded to it (default 2). */
  decimals?: number;
  /** `desc` (default): higher is better, rank 1 = highest; `asc`: lower is better. */
  order?: 'asc' | 'desc';
  /**
   * Units without a value: `last` (default) — all share the rank after the last unit with a value (so they
   * stay visible in a table); `exclude` — left out of the result.
   */
  nulls?: 'last' | 'exclude';
}

/**
 * Rounds half away from zero at the given number of decimals, on the value's shortest decimal form
 * (so 1.005 → 1.01, as a reader of the printed figure expects).
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`decimals must be a whole number from 0 to 15, got ${decimals}`);
  }
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const rounded = text.includes('e')
    ? Math.round(magnitude * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Competition ranking ("1224"): units are ordered by their value rounded to `decimals` (what the public sees),
 * and units with equal rounded values share a rank: rank = 1 + number of units with a strictly better rounded
 * value. Units without a value come last (sharing one rank) or are excluded, per `options.nulls`.
 * The result is ordered by rank, then id, whatever the input order (so ranking is permutation-invariant).
 * Throws a RangeError for duplicate ids or non-finite values.
 */
export function rankUnits(entries: readonly RankEntry[], options: RankOptions = {}): RankedUnit[] {
  const decimals = options.decimals ?? 2;
  const direction = (options.order ?? 'desc') === 'desc' ? -1 : 1;
  const seen = new Set<string>();
  const valued: RankedUnit[] = [];
  const missing: RankedUnit[] = [];
  entries.forEach((entry, i) => {
    if (seen.has(entry.id)) throw new RangeError(`entries[${i}]: duplicate id "${entry.id}"`);
    seen.add(entry.id);
    if (entry.value === null) {
      missing.push({ id: entry.id, value: null, publishedValue: null, rank: null });
      return;
    }
    if (!Number.isFinite(entry.value)) throw new RangeError(`entries[${i}]: value must be finite`);
    valued.push({
      id: entry.id,
      value: entry.value,
      publishedValue: roundTo(entry.value, decimals),
      rank: null,
    });
  });
  valued.sort((a, b) => direction * (a.publishedValue! - b.publishedValue!) || byId(a.id, b.id));
  valued.forEach((unit, i) => {
    const previous = valued[i - 1];
    unit.rank = previous && previous.publishedValue === unit.publishedValue ? previous.rank : i + 1;
  });
  if ((options.nulls ?? 'last') === 'exclude') return valued;
  missing.sort((a, b) => byId(a.id, b.id));
  for (const unit of missing) unit.rank = valued.length + 1;
  return [...valued, ...missing];
}

/** A unit's rank now and before, and the change. */
export interface RankChange {
  id: string;
  rank: number | null;
  previousRank: number | null;
  /** `previousRank − rank`: positive = moved up (e.g. +10 = up 10 places); null when either rank is missing. */
  change: number | null;
}

/**
 * Rank changes of the units in `current` against `previous` (matched by id): `change = previousRank − rank`,
 * so moving from 42nd to 32nd is +10. Units absent from `previous`, or without a rank, get `change: null`.
 * Units that ranked last only for lack of a value (`value: null`) count as unranked.
 */
export function rankChange(current: readonly RankedUnit[], previous: readonly RankedUnit[]): RankChange[] {
  const rankOf = (unit: RankedUnit | undefined) => (unit && unit.value !== null ? unit.rank : null);
  const before = new Map(previous.map((unit) => [unit.id, unit]));
  return current.map((unit) => {
    const rank = rankOf(unit);
    const previousRank = rankOf(before.get(unit.id));
    return {
      id: unit.id,
      rank,
      previousRank,
      change: rank !== null && previousRank !== null ? previousRank - rank : null,
    };
  });
}
