import { afterAll, describe, it } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { postgresTestUrl } from '../support/postgres.js';
import { type ResettableSchema, resettableSchema } from '../support/postgres-reset.js';
import { buildRegistryContract } from './build-registry-contract.js';
import { consentRegisterContract } from './consent-register-contract.js';
import { emailCodesContract } from './email-codes-contract.js';
import { identityLinksContract } from './identity-links-contract.js';
import { logContract } from './log-contract.js';
import { metaContract } from './meta-contract.js';
import { modelRegisterContract } from './model-register-contract.js';
import { rateCountersContract } from './rate-counters-contract.js';
import { reviewContract } from './review-contract.js';
import { safetyStoreContract } from './safety-contract.js';
import { sessionDenylistContract } from './session-denylist-contract.js';
import { spentMediaLinksContract } from './spent-media-links-contract.js';
import { staffStoreContract } from './staff-contract.js';
import type { StoreFactory } from './store-factory.js';
import { subjectRequestsContract } from './subject-requests-contract.js';
import { webhooksContract } from './webhooks-contract.js';

if (postgresTestUrl) {
  // One schema for the file, migrated once and reset to its just-migrated state for each test
  // (see postgres-reset.ts); the tests run one after another.
  let shared: Promise<ResettableSchema> | undefined;
  let fresh = true;
  afterAll(async () => {
    await (await shared)?.drop();
  });
  const postgres: StoreFactory = {
    async open() {
      shared ??= resettableSchema(async (url) => (await openPostgresStore(url)).close()).then(
        (s) => s!,
      );
      const schema = await shared;
      if (!fresh) await schema.reset();
      fresh = false;
      return {
        store: await openPostgresStore(schema.url),
        reopen: () => openPostgresStore(schema.url),
        cleanup: async () => {},
        location: { postgres: schema.url },
      };
    },
  };
  consentRegisterContract('PostgreSQL', postgres);
  subjectRequestsContract('PostgreSQL', postgres);
  buildRegistryContract('PostgreSQL', postgres);
  metaContract('PostgreSQL', postgres);
  safetyStoreContract('PostgreSQL', postgres);
  logContract('PostgreSQL', postgres);
  reviewContract('PostgreSQL', postgres);
  identityLinksContract('PostgreSQL', postgres);
  modelRegisterContract('PostgreSQL', postgres);
  staffStoreContract('PostgreSQL', postgres);
  emailCodesContract('PostgreSQL', postgres);
  sessionDenylistContract('PostgreSQL', postgres);
  spentMediaLinksContract('PostgreSQL', postgres);
  rateCountersContract('PostgreSQL', postgres);
  webhooksContract('PostgreSQL', postgres);
} else {
  describe('Store contract: PostgreSQL', () => {
    it.skip('SKIPPED: set OBHUT_TEST_DATABASE_URL to run it against a real server', () => {});
  });
}
