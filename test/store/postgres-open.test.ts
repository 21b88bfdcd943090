import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { InlineMigrations } from '../../src/store/migrations.js';
import { createTestSchema, postgresTestUrl, type TestSchema } from '../support/postgres.js';

// Opening a PostgreSQL store skips Kysely's Migrator when our schema has run every known
// migration (issue 13: the Migrator lists every schema and table of the database on every open,
// and fails when another schema is dropped meanwhile). As for SQLite (sqlite-open.test.ts), these
// check that the short cut takes only that case.
describe.skipIf(!postgresTestUrl)(
  `opening a PostgreSQL store${postgresTestUrl ? '' : ' (SKIPPED: set OBHUT_TEST_DATABASE_URL)'}`,
  () => {
    let schema: TestSchema;
    beforeEach(async () => {
      schema = (await createTestSchema())!;
    });
    afterEach(async () => {
      vi.restoreAllMocks();
      await schema.drop();
    });

    /** Runs `text` on the test schema (its URL sets the search path). */
    const query = async <R extends object>(text: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        return (await client.query<R>(text, values)).rows;
      } finally {
        await client.end();
      }
    };
    const executed = async () =>
      (await query<{ name: string }>('select name from kysely_migration'))
        .map((r) => r.name)
        .sort();
    const known = async () =>
      Object.keys(await new InlineMigrations('postgres').getMigrations()).sort();

    it("skips Kysely's Migrator only when every known migration has run", async () => {
      const run = vi.spyOn(Migrator.prototype, 'migrateToLatest');
      try {
        await (await openPostgresStore(schema.url)).close(); // a new schema
        // Once, or more: the open reads Kysely's listing again when another test file's schema
        // is dropped while it is read (kysely-store.ts), which a file in the other worker may do.
        const calls = run.mock.calls.length;
        expect(calls).toBeGreaterThanOrEqual(1);
        expect(await executed()).toEqual(await known());
        await (await openPostgresStore(schema.url)).close(); // up to date
        expect(run).toHaveBeenCalledTimes(calls);
      } finally {
        // The worker process runs other files after this one (vitest.config.ts, isolate: false).
        run.mockRestore();
      }
    });

    it('brings an older schema up to date', async () => {
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: schema.url }) }),
      });
      const migrator = new Migrator({
        db,
        provider: new InlineMigrations('postgres'),
        migrationTableSchema: schema.schema,
      });
      try {
        expect((await migrator.migrateTo('0014-spent-link-tokens')).error).toBeUndefined();
      } finally {
        await db.destroy();
      }
      expect(await executed()).not.toEqual(await known());
      await (await openPostgresStore(schema.url)).close();
      expect(await executed()).toEqual(await known());
    });

    it('still refuses a schema that ran a migration this version does not know', async () => {
      await (await openPostgresStore(schema.url)).close();
      await query('insert into kysely_migration (name, timestamp) values ($1, $2)', [
        '9999-from-a-newer-version',
        new Date().toISOString(),
      ]);
      await expect(openPostgresStore(schema.url)).rejects.toThrow(/9999-from-a-newer-version/);
    });
  },
);
