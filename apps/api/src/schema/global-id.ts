import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.js';

/** A `bigint` primary key as it travels: a decimal string without sign or leading zero, at most 19 digits. */
export const BIGINT_ID = /^[1-9]\d{0,18}$/;

/** The raw id inside a Relay global ID of `typename`; null for anything else (malformed, another type). */
export function globalIdOf(globalId: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}

/** The row id (`bigint`) inside a Relay global ID of `typename`; null for anything else. */
export function rowIdOf(globalId: string, typename: string): string | null {
  const id = globalIdOf(globalId, typename);
  return id !== null && BIGINT_ID.test(id) ? id : null;
}

/**
 * The row id inside a Relay global ID of `typename`, or a `ValidationError` on `path` (by default: "Invalid
 * ID: expected the global ID of a <typename>").
 */
export function requireRowId(
  globalId: string,
  typename: string,
  path: readonly string[],
  message: readonly [vi: string, en: string] = [
    `ID không hợp lệ: cần ID toàn cục của một ${typename}.`,
    `Invalid ID: expected the global ID of a ${typename}.`,
  ],
): string {
  const id = rowIdOf(globalId, typename);
  if (id === null)
    throw new ValidationError([{ path: [...path], message: message[0], messageEn: message[1] }]);
  return id;
}
