export {
  computeServiceIndex,
  indicatorPoints,
  serviceIndexBand,
  validateServiceIndexDefinition,
} from './compute.js';
export { ServiceIndexError } from './errors.js';
export {
  SERVICE_INDEX_766,
  SERVICE_INDEX_766_INPUTS,
  type ServiceIndex766Inputs,
} from './service-index-766.js';
export type {
  IndicatorDirection,
  NotApplicablePolicy,
  ServiceIndexBand,
  ServiceIndexDefinition,
  ServiceIndexGroupDefinition,
  ServiceIndexGroupResult,
  ServiceIndexIndicatorDefinition,
  ServiceIndexIndicatorResult,
  ServiceIndexInputs,
  ServiceIndexResult,
} from './types.js';
