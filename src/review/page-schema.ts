// The HTTP shape of a paged list (page.ts): `limit` and `cursor` in the query string, the rows
// and `next_cursor` in the answer. One definition for every list route, so they cannot drift.
import { MAX_CURSOR_LENGTH } from './page.js';

/**
 * `limit` and `cursor` of a paged list. Query strings are not coerced, so the limit is digits
 * from 1 to 200 (MAX_PAGE_LIMIT); a cursor is base64url, as encodeCursor writes it.
 */
export const pageQuery = {
  limit: { type: 'string', pattern: '^(200|1[0-9]{0,2}|[2-9][0-9]?)$' },
  cursor: {
    type: 'string',
    minLength: 1,
    maxLength: MAX_CURSOR_LENGTH,
    pattern: '^[A-Za-z0-9_-]+$',
  },
} as const;

export interface PageQuery {
  limit?: string;
  cursor?: string;
}

/** The page request of a query string. */
export function pageOfQuery(query: PageQuery): { limit?: number; cursor?: string } {
  return {
    ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  };
}

export const nextCursorSchema = {
  type: ['string', 'null'],
  description: 'pass as `cursor` for the next page; null on the last page',
} as const;

/** A paged list's query string: its own filters (`required` among them), `limit` and `cursor`. */
export function pagedQuerySchema<F extends object>(filters: F, required?: readonly string[]) {
  return {
    type: 'object',
    ...(required === undefined ? {} : { required }),
    additionalProperties: false,
    properties: { ...filters, ...pageQuery },
  } as const;
}

/** A paged list's answer: `fields` first, the rows (each `row`) under `name`, `next_cursor`. */
export function pagedAnswerSchema<N extends string>(
  name: N,
  row: object,
  fields: Readonly<Record<string, object>> = {},
) {
  return {
    type: 'object',
    required: [...Object.keys(fields), name, 'next_cursor'],
    properties: {
      ...fields,
      [name]: { type: 'array', items: row },
      next_cursor: nextCursorSchema,
    },
  } as const;
}
