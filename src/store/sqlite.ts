import { Kysely, SqliteDialect } from 'kysely';
import { openKyselyStore } from './kysely-store.js';
import type { Database as Schema } from './schema.js';
import { openSqliteFile, sqliteUpToDate } from './sqlite-file.js';
import type { Store } from './store.js';

/** Opens (creating if needed) a SQLite database file and brings its schema up to date. */
export async function openSqliteStore(file: string): Promise<Store> {
  const sqlite = openSqliteFile(file);
  return openKyselyStore(
    new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }),
    'sqlite',
    sqliteUpToDate(sqlite),
  );
}
