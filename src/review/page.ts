// Paging for the review console's lists (flags, staff, holds, the access report): `limit` and
// an opaque `cursor` in, `next_cursor` out. A cursor is the sort key of the last row a page
// showed, so the next page starts after that row (keyset paging): rows added or removed
// meanwhile never shift the others, as an OFFSET would. Opaque, so the key may change shape
// without clients depending on it; checked on the way in, since it comes from the caller.
import { ObhutError } from '../errors/index.js';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
/** Long enough for any key this server writes (two ISO times or ids, base64url). */
export const MAX_CURSOR_LENGTH = 512;

export interface PageRequest {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface Page<T> {
  readonly rows: T[];
  /** Pass it as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/** A cursor for the row whose sort key is `key`. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor holds, `parts` strings long; REQUEST_INVALID for anything else. */
export function decodeCursor(cursor: string, parts: number): string[] {
  const invalid = () => new ObhutError('REQUEST_INVALID', 'cursor is not one this list gave');
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(key) ||
    key.length !== parts ||
    !key.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 200)
  )
    throw invalid();
  return key as string[];
}

export function pageLimit(request: PageRequest): number {
  const limit = request.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT)
    throw new ObhutError('REQUEST_INVALID', `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  return limit;
}

/**
 * A page from up to `limit + 1` rows fetched after the cursor: the extra row only says that
 * another page follows, so the last page never ends with an empty one.
 */
export function pageOf<T>(fetched: T[], limit: number, keyOf: (row: T) => string[]): Page<T> {
  const rows = fetched.slice(0, limit);
  const more = fetched.length > limit;
  return { rows, nextCursor: more ? encodeCursor(keyOf(rows[rows.length - 1]!)) : null };
}
