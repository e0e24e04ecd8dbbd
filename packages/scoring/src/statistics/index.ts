export {
  type Change,
  type CodedChange,
  changeBetween,
  compareScores,
  type ScoreComparison,
} from './compare.js';
export {
  countResponses,
  countsFromRows,
  countsToRows,
  type DimensionMoments,
  emptyCounts,
  type ItemCounts,
  type ItemLevelRow,
  levelScores,
  type MomentsRow,
  mergeCounts,
  OVERALL_CODE,
  type ResponseCountRows,
  type ResponseCounts,
  type ScoreMoments,
  type SurveyResponse,
} from './counts.js';
export { METRIC_DEFINITIONS, type MetricDefinition } from './metric-definitions.js';
export { criticalValue, normalCdf, normalQuantile } from './normal.js';
export {
  type CodedEstimate,
  DEFAULT_MIN_SAMPLE,
  type Estimate,
  type ScoreOptions,
  type ScoreResult,
  scoreCounts,
  scoreResponses,
} from './scoring.js';
export { cellKey, type PoststratificationResult, poststratificationWeights } from './weights.js';
export { type ProportionInterval, wilsonInterval } from './wilson.js';
