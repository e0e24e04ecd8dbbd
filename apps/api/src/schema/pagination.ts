import { ValidationError } from '../errors.js';

/**
 * Page sizes of every list and connection: at most `MAX_PAGE_SIZE` items per request (a regression test pins it;
 * CONSUL once lost such a limit by accident). Connections resolved with Pothos's `resolveCursorConnection` or
 * `resolveOffsetConnection` take `{ ...PAGE_SIZES }`; hand-written lists call `clampPageSize`.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Options for `resolveCursorConnection` / `resolveOffsetConnection` of `@pothos/plugin-relay`. */
export const PAGE_SIZES = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE } as const;

/**
 * The number of items to return for a requested `first` (or `limit`): the default when absent, at most
 * `MAX_PAGE_SIZE` (a larger request gets a full page and `hasNextPage`, not an error); a negative number is a
 * `ValidationError` on `path`.
 */
export function clampPageSize(requested: number | null | undefined, path: string[] = ['first']): number {
  if (requested === null || requested === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 0) {
    throw new ValidationError([
      {
        path,
        message: 'Số mục mỗi trang phải là số nguyên không âm.',
        messageEn: 'The page size must be a non-negative integer.',
      },
    ]);
  }
  return Math.min(requested, MAX_PAGE_SIZE);
}

/** An opaque cursor over a bigint id (keyset pagination): `encodeIdCursor('42')` ↔ `decodeIdCursor(…)`. */
export function encodeIdCursor(id: string): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

/** The id in a cursor from `encodeIdCursor`; a `ValidationError` on `path` for anything else. */
export function decodeIdCursor(cursor: string, path: string[] = ['after']): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^id:([1-9]\d{0,18})$/.exec(decoded);
  if (!match) {
    throw new ValidationError([
      { path, message: 'Con trỏ phân trang không hợp lệ.', messageEn: 'The pagination cursor is not valid.' },
    ]);
  }
  return match[1]!;
}
