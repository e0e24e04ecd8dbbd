export {
  type AggregationRule,
  aggregationRuleIds,
  findAggregationRule,
  getAggregationRule,
  POINTS_TOTAL_RULE,
  registerAggregationRule,
  SIPAS_2640_RULE,
  TOP_BOX_SHARE_MEAN_RULE,
  topBoxShareMeanRule,
  type ValueRange,
  type ValueUnit,
} from './aggregation.js';
export { OMB_A11_280 } from './omb-a11-280.js';
export { getInstrument, INSTRUMENTS } from './registry.js';
export {
  buildSeedCaseResponses,
  SEED_CASE,
  SEED_CASE_ITEM_PLAN,
  SEED_CASE_RESPONDENTS,
} from './seed-case.js';
export { SATISFACTION_SCALE_5, SIPAS_2017 } from './sipas-2017.js';
export {
  dimensionOfItem,
  findItem,
  type InstrumentLayout,
  instrumentLayout,
  itemCodes,
  itemCount,
  itemIndex,
} from './structure.js';
export { createInstrumentFromTemplate, type InstrumentOverrides } from './template.js';
export { TT01_2018_DOSSIER_EVALUATION } from './tt01-2018.js';
export type {
  AnswerLevel,
  AnswerScale,
  FieldError,
  Instrument,
  InstrumentDimension,
  InstrumentItem,
  LocalizedText,
} from './types.js';
export {
  assertValidInstrument,
  InstrumentValidationError,
  validateAnswers,
  validateInstrument,
} from './validation.js';
