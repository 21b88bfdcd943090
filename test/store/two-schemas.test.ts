import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { createTestSchema, postgresTestUrl } from '../support/postgres.js';

// Kysely's migrator looks for its bookkeeping tables in every schema unless it is told which:
// a second register in the same database failed with "kysely_migration_lock does not exist".
describe.skipIf(!postgresTestUrl)(
  `PostgreSQL registers side by side${postgresTestUrl ? '' : ' (SKIPPED: set OBHUT_TEST_DATABASE_URL)'}`,
  () => {
    it('migrates and uses two registers in two schemas of one database', async () => {
      const a = (await createTestSchema())!;
      const b = (await createTestSchema())!;
      const first = await openPostgresStore(a.url);
      const second = await openPostgresStore(b.url);
      try {
        await first.initMeta('k', 'first');
        expect(await second.getMeta('k')).toBeUndefined();
        expect(await second.logSize()).toBe(0);
      } finally {
        await first.close();
        await second.close();
        await a.drop();
        await b.drop();
      }
    });
  },
);
