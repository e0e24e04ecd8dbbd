import { ValidationError } from '../errors.js';
import { FieldErrorList } from './field-errors.js';

/**
 * The one paging rule of every connection: `first` and `last` take 0 to `MAX_PAGE_SIZE` items, and anything outside
 * is refused with a field error naming the argument and the limit — never silently cut, so a client never misses rows
 * without knowing (a schema-driven test checks every `…Connection` field). Every connection resolver calls
 * `checkPageSize(args)` first; those resolved with Pothos's `resolveCursorConnection` or `resolveOffsetConnection`
 * also take `{ ...PAGE_SIZES }` for the default size.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Options for `resolveCursorConnection` / `resolveOffsetConnection` of `@pothos/plugin-relay`. */
export const PAGE_SIZES = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE } as const;

/** Refuses `first`/`last` outside 0..`MAX_PAGE_SIZE` with a `ValidationError` on each bad argument. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  const errors = new FieldErrorList();
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
      errors.add(
        [name],
        `\`${name}\` phải từ 0 đến ${MAX_PAGE_SIZE}: mỗi trang có tối đa ${MAX_PAGE_SIZE} mục.`,
        `\`${name}\` must be 0 to ${MAX_PAGE_SIZE}: a page holds at most ${MAX_PAGE_SIZE} items.`,
      );
    }
  }
  errors.throwIfAny();
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
