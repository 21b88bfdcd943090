import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openKyselyStore } from './kysely-store.js';
import type { Database as Schema } from './schema.js';
import type { Store } from './store.js';

/** Opens (creating if needed) a SQLite database file and brings its schema up to date. */
export async function openSqliteStore(file: string): Promise<Store> {
  const sqlite = new Database(file);
  // WAL lets readers work during an import; FULL sync because an acknowledged consent event
  // must survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return openKyselyStore(
    new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }),
    'sqlite',
  );
}
