import { type Kysely, sql } from 'kysely';
import type { Statement } from './register-reads.js';
import type { Database } from './schema.js';

/**
 * Runs a statement of register-reads.ts through Kysely, which binds each `?`'s value as the
 * dialect spells it (`?` on SQLite, `$1`, `$2` … on PostgreSQL). `sql` takes the text's pieces
 * between values as a tagged template would pass them; it reads only the pieces, not `raw`.
 */
export async function statementRows<R>(db: Kysely<Database>, statement: Statement): Promise<R[]> {
  const pieces = statement.text.split('?');
  const template = Object.assign(pieces, { raw: pieces }) as unknown as TemplateStringsArray;
  return (await sql<R>(template, ...statement.values).execute(db)).rows;
}
