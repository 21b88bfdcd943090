import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { allMigrationsRun, MIGRATION_TABLE } from './migration-names.js';

// better-sqlite3 is CommonJS: `require` loads it without Node's CommonJS export lexer, which an
// `import` of a CommonJS package runs on its source first (issue 13, start-up). Required on the
// first open, not at import: the CLI bundle loads this module with the rest of `consent status`
// (scripts/bundle-cli.mjs, load groups), and commands that share a module with it but open no
// database (`hash`, `verify`, `bank` …) would otherwise load the native addon too.
let database: typeof BetterSqlite3 | undefined;

/** Opens (creating if needed) a SQLite database file with the settings every connection uses. */
export function openSqliteFile(file: string): BetterSqlite3.Database {
  database ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const sqlite = new database(file);
  // WAL lets readers work during an import; FULL sync because an acknowledged consent event
  // must survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * Whether a SQLite database has run exactly the migrations this version knows. Every command
 * opens the store, and Kysely's `migrateToLatest` first introspects every table (a `pragma
 * table_info` each) to find its bookkeeping tables, even when nothing is pending: ~20 ms of CPU
 * per start (issue 13). One read answers it; anything else (a new database, a pending or an
 * unknown migration) goes through the Migrator, which also reports the errors.
 */
export function sqliteUpToDate(sqlite: BetterSqlite3.Database): boolean {
  let done: string[];
  try {
    done = sqlite
      .prepare(`select name from ${MIGRATION_TABLE}`)
      .all()
      .map((r) => (r as { name: string }).name);
  } catch {
    return false; // no bookkeeping table yet: a new database
  }
  return allMigrationsRun(done);
}
