import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.js';
import type { Database as Schema } from './schema.js';

const INT8_OID = 20;

/** Connects to PostgreSQL and brings the schema up to date. */
export async function openPostgresStore(url: string): Promise<KyselyStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // bigint columns hold epoch milliseconds and counts, all far below 2^53.
  const parseInt8 = (value: string) => Number(value);
  pool.on('connect', (client) => {
    client.setTypeParser(INT8_OID, parseInt8);
  });
  const store = new KyselyStore(
    new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
  );
  await store.migrate();
  return store;
}
