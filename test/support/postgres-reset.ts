// One migrated PostgreSQL schema per test file, brought back to its just-migrated state before
// each test, instead of a new schema migrated for every test (issue 13: the store contract's 65
// tests spent most of their time creating ~40 tables each). The state after a reset is the state
// after the migrations: every table emptied (bigserial sequences restarted) and the rows the
// migrations insert put back, with the migration bookkeeping kept, as a store opened again on a
// migrated database finds it. The migrations themselves still run from nothing once per file.
import pg from 'pg';
import { createTestSchema, postgresTestUrl } from './postgres.js';

export interface ResettableSchema {
  /** Connection URL whose every connection uses the schema as its search_path. */
  readonly url: string;
  /** Empties the schema back to its just-migrated state. */
  reset(): Promise<void>;
  /** Drops the schema and its copy of the seed rows. */
  drop(): Promise<void>;
}

/** Kysely's own tables: which migrations ran, and its lock; kept as they are. */
const BOOKKEEPING = /^kysely_migration/;

/**
 * A fresh schema, migrated by `migrate` (which opens a store on the URL and closes it), whose
 * seed rows are copied aside so that `reset` can restore them. Undefined without
 * OBHUT_TEST_DATABASE_URL.
 */
export async function resettableSchema(
  migrate: (url: string) => Promise<void>,
): Promise<ResettableSchema | undefined> {
  const schema = await createTestSchema();
  if (schema === undefined || postgresTestUrl === undefined) return undefined;
  await migrate(schema.url);
  const seed = `${schema.schema}_seed`;
  const client = new pg.Client({ connectionString: postgresTestUrl });
  await client.connect();
  let reset: string;
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
      [schema.schema],
    );
    const tables = rows.map((r) => r.table_name).filter((t) => !BOOKKEEPING.test(t));
    await client.query(`CREATE SCHEMA ${seed}`);
    const seeded: string[] = [];
    for (const t of tables) {
      const count = await client.query(`SELECT 1 FROM ${schema.schema}."${t}" LIMIT 1`);
      if (count.rowCount === 0) continue;
      await client.query(`CREATE TABLE ${seed}."${t}" AS SELECT * FROM ${schema.schema}."${t}"`);
      seeded.push(t);
    }
    // One round trip: a lock still held by a connection a test left open fails the reset
    // instead of hanging it.
    reset = [
      `SET lock_timeout = '60s'`,
      `TRUNCATE ${tables.map((t) => `${schema.schema}."${t}"`).join(', ')} RESTART IDENTITY CASCADE`,
      ...seeded.map((t) => `INSERT INTO ${schema.schema}."${t}" SELECT * FROM ${seed}."${t}"`),
    ].join(';\n');
  } finally {
    await client.end();
  }
  return {
    url: schema.url,
    async reset() {
      const c = new pg.Client({ connectionString: postgresTestUrl });
      await c.connect();
      try {
        await c.query(`BEGIN; ${reset}; COMMIT`);
      } finally {
        await c.end();
      }
    },
    async drop() {
      await schema.drop();
      const c = new pg.Client({ connectionString: postgresTestUrl });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${seed} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
