import { bench, describe } from 'vitest';
import { buildSeedCaseResponses } from '../instruments/seed-case.js';
import { SIPAS_2017 } from '../instruments/sipas-2017.js';
import { rankUnits } from '../ranking/rank.js';
import { rankIntervals } from '../ranking/rank-intervals.js';
import { countResponses, type ResponseCounts, type SurveyResponse } from './counts.js';
import { scoreCounts, scoreResponses } from './scoring.js';

// 1,000 units' rollups: slices of the seed case of varying size (40–900 respondents each).
const seed = buildSeedCaseResponses();
const unitCounts: ResponseCounts[] = Array.from({ length: 1000 }, (_, unit) => {
  const size = 40 + ((unit * 37) % 860);
  const start = (unit * 13) % (seed.length - size + 1);
  return countResponses(SIPAS_2017, seed.slice(start, start + size));
});

// One million raw responses (the seed case repeated, with a weight on every other response), built on first use
// so the benchmarks from counts run without them on the heap.
let million: SurveyResponse[] | undefined;
function oneMillionResponses(): SurveyResponse[] {
  million ??= Array.from({ length: 1_000_000 }, (_, i) => {
    const response = seed[i % seed.length]!;
    return i % 2 === 0 ? response : { answers: response.answers, weight: 0.5 + (i % 7) / 4 };
  });
  return million;
}

describe('scoring', () => {
  bench(
    'score 1,000 units × 22 items from counts',
    () => {
      for (const counts of unitCounts) scoreCounts(SIPAS_2017, counts);
    },
    { iterations: 50 },
  );

  bench(
    'score and rank 1,000 units from counts',
    () => {
      rankUnits(
        unitCounts.map((counts, i) => ({ id: `u${i}`, value: scoreCounts(SIPAS_2017, counts).value })),
      );
    },
    { iterations: 50 },
  );

  bench(
    'rank intervals for 63 provinces (1,000 draws)',
    () => {
      rankIntervals(
        unitCounts.slice(0, 63).map((counts, i) => ({ id: `p${i}`, counts })),
        { instrument: SIPAS_2017, seed: 1 },
      );
    },
    { iterations: 10 },
  );

  bench(
    'score 1,000,000 raw responses',
    () => {
      scoreResponses(SIPAS_2017, oneMillionResponses());
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
