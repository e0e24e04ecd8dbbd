import { type FieldError, ValidationError } from '../errors.js';

/**
 * Collects the field errors of one input so a client hears about every bad value at once, not one per attempt.
 * Paths start with the argument name (`["input", "cases", "0", "processingDays"]`).
 */
export class FieldErrorList {
  readonly errors: FieldError[] = [];

  add(path: readonly (string | number)[], message: string, messageEn: string): void {
    this.errors.push({ path: path.map(String), message, messageEn });
  }

  get isEmpty(): boolean {
    return this.errors.length === 0;
  }

  /** Throws a `ValidationError` listing every error collected so far, if any. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }
}

/** A `ValidationError` with one field error. */
export function fieldError(
  path: readonly (string | number)[],
  message: string,
  messageEn: string,
): ValidationError {
  return new ValidationError([{ path: path.map(String), message, messageEn }]);
}
