import { ScoringInputError } from '../input-error.js';

/** Thrown for an invalid scorecard definition or invalid scores; `issues` lists each problem with its path. */
export class ScorecardError extends ScoringInputError {
  override readonly name = 'ScorecardError';
}
