import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely';
import { openKyselyStore } from './kysely-store.js';
import type { Database as Schema } from './schema.js';
import { openSqliteFile, sqliteUpToDate } from './sqlite-file.js';
import type { Store } from './store.js';

/** Opens (creating if needed) a SQLite database file and brings its schema up to date. */
export async function openSqliteStore(file: string): Promise<Store> {
  const sqlite = openSqliteFile(file);
  return openKyselyStore(
    new Kysely<Schema>({ dialect: registerSqliteDialect(sqlite) }),
    'sqlite',
    sqliteUpToDate(sqlite),
  );
}

/**
 * Kysely's dialect for a SQLite register, with migrations run in one transaction. SQLite changes
 * its schema transactionally, but Kysely's adapter says it cannot, so its Migrator would run a
 * migration's statements one by one: a process that fails or is killed between a migration's
 * `ALTER TABLE … ADD COLUMN` and its bookkeeping row would leave a register that every later
 * open tries to migrate again and refuses ("duplicate column name"). In a transaction the
 * register stays as it was until the pending migrations have all run.
 */
export function registerSqliteDialect(sqlite: BetterSqlite3.Database): SqliteDialect {
  return new RegisterSqliteDialect({ database: sqlite });
}

class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class RegisterSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlAdapter();
  }
}
