import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openKyselyStore } from './kysely-store.js';
import { allMigrationsRun, MIGRATION_TABLE } from './migration-names.js';
import type { Database as Schema } from './schema.js';
import type { Store } from './store.js';

const INT8_OID = 20;

/** Connects to PostgreSQL and brings the schema up to date. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // bigint columns hold epoch milliseconds and counts, all far below 2^53.
  const parseInt8 = (value: string) => Number(value);
  pool.on('connect', (client) => {
    client.setTypeParser(INT8_OID, parseInt8);
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return openKyselyStore(db, 'postgres', await postgresUpToDate(db));
}

/**
 * Whether our schema (the first of the search path, where the Migrator keeps its bookkeeping:
 * kysely-store.ts) has run exactly the migrations this version knows. Kysely's `migrateToLatest`
 * first lists every schema of the database and every table in it, even when nothing is pending:
 * slow on a shared server, and it fails when another schema is dropped meanwhile (issue 13).
 * One read of our own bookkeeping table answers it; anything else (a new schema, a pending or an
 * unknown migration, a failed read) goes through the Migrator, which migrates, refuses a
 * register newer than this code and reports the errors, as before.
 */
async function postgresUpToDate(db: Kysely<Schema>): Promise<boolean> {
  try {
    const schema = (
      await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
    ).rows[0]?.schema;
    if (!schema) return false;
    const { rows } = await sql<{
      name: string;
    }>`select name from ${sql.id(schema, MIGRATION_TABLE)}`.execute(db);
    return allMigrationsRun(rows.map((r) => r.name));
  } catch {
    return false;
  }
}
