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

/** Relay page sizes: `first`/`last` above this are refused (not clamped), so a client never silently misses rows. */
export const MAX_PAGE_SIZE = 100;

/** Refuses `first`/`last` outside 0..MAX_PAGE_SIZE with a `ValidationError` on that argument. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  const errors = new FieldErrorList();
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      errors.add(
        [name],
        `Mỗi trang có từ 0 đến ${MAX_PAGE_SIZE} phần tử.`,
        `A page holds 0 to ${MAX_PAGE_SIZE} items.`,
      );
    }
  }
  errors.throwIfAny();
}

/** A `ValidationError` with one field error. */
export function fieldError(
  path: readonly (string | number)[],
  message: string,
  messageEn: string,
): ValidationError {
  return new ValidationError([{ path: path.map(String), message, messageEn }]);
}
