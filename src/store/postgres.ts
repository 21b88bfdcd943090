import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openKyselyStore } from './kysely-store.js';
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
  return openKyselyStore(
    new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
  );
}
