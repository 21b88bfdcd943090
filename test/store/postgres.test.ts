import { describe, it } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { createTestSchema, postgresTestUrl } from '../support/postgres.js';
import { storeContract } from './contract.js';
import { logContract } from './log-contract.js';

if (postgresTestUrl) {
  storeContract('PostgreSQL', {
    async open() {
      const schema = (await createTestSchema())!;
      return {
        store: await openPostgresStore(schema.url),
        reopen: () => openPostgresStore(schema.url),
        cleanup: () => schema.drop(),
        location: { postgres: schema.url },
      };
    },
  });
  logContract('PostgreSQL', {
    async open() {
      const schema = (await createTestSchema())!;
      return {
        store: await openPostgresStore(schema.url),
        reopen: () => openPostgresStore(schema.url),
        cleanup: () => schema.drop(),
        location: { postgres: schema.url },
      };
    },
  });
} else {
  describe('Store contract: PostgreSQL', () => {
    it.skip('SKIPPED: set OBHUT_TEST_DATABASE_URL to run it against a real server', () => {});
  });
}
