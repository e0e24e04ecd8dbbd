export { computeScorecard, validateScorecard } from './compute.js';
export { ScorecardError } from './errors.js';
export { PAR_INDEX_PROVINCE } from './par-index-province.js';
export {
  SCORING_METHOD_NAMES,
  SCORING_METHODS,
  type ScorecardDefinition,
  type ScorecardMethodTotal,
  type ScorecardNode,
  type ScorecardNodeResult,
  type ScorecardResult,
  type ScorecardScores,
  type ScoringMethod,
} from './types.js';
