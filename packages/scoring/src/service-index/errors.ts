import { ScoringInputError } from '../input-error.js';

/** Thrown for an invalid index definition or invalid input counts; `issues` lists each problem with its path. */
export class ServiceIndexError extends ScoringInputError {
  override readonly name = 'ServiceIndexError';
}
