/** Post-stratification weights, and the population cells no respondent fell into. */
export interface PoststratificationResult {
  /** One weight per respondent, in input order; their mean is 1 (Σw = number of respondents). */
  weights: number[];
  /** Population cells with a positive share but no respondent; their share is spread over the others. */
  uncoveredCells: string[];
}

/**
 * The cell key of a respondent from some of their attributes, e.g. `cellKey({ sex: 'f', age: '18-34' },
 * ['sex', 'age'])` → `"f|18-34"`. A missing attribute becomes an empty part.
 */
export function cellKey(
  attributes: Readonly<Record<string, string | number | null | undefined>>,
  keys: readonly string[],
): string {
  return keys.map((key) => String(attributes[key] ?? '')).join('|');
}

/**
 * Post-stratification weights: respondent i in cell c gets `w_i = P_c / S_c`, where `P_c` is the population
 * share of c (normalised over the cells that have respondents) and `S_c = n_c / n` its share in the sample.
 * Weighted, each cell counts as much as in the population; the weights average 1.
 * Throws a RangeError when a respondent's cell has no positive population share, or a share is negative or
 * not finite.
 */
export function poststratificationWeights(
  cells: readonly string[],
  populationShares: Readonly<Record<string, number>>,
): PoststratificationResult {
  const sampleCounts = new Map<string, number>();
  cells.forEach((cell, i) => {
    const share = populationShares[cell];
    if (!Object.hasOwn(populationShares, cell) || !(share !== undefined && share > 0)) {
      throw new RangeError(`cells[${i}]: cell "${cell}" has no positive population share`);
    }
    sampleCounts.set(cell, (sampleCounts.get(cell) ?? 0) + 1);
  });
  let covered = 0;
  const uncoveredCells: string[] = [];
  for (const [cell, share] of Object.entries(populationShares)) {
    if (!(share >= 0) || !Number.isFinite(share)) {
      throw new RangeError(`populationShares["${cell}"] must be a finite number >= 0, got ${share}`);
    }
    if (sampleCounts.has(cell)) covered += share;
    else if (share > 0) uncoveredCells.push(cell);
  }
  if (cells.length > 0 && !(covered > 0)) {
    throw new RangeError('The cells holding respondents have a total population share of 0');
  }
  const n = cells.length;
  const weights = cells.map((cell) => {
    const populationShare = populationShares[cell]! / covered;
    const sampleShare = sampleCounts.get(cell)! / n;
    return populationShare / sampleShare;
  });
  return { weights, uncoveredCells: uncoveredCells.sort() };
}
