import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
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

const sqlite: StoreFactory = {
  async open() {
    const dir = await mkdtemp(path.join(tmpdir(), 'obhut-sqlite-'));
    const file = path.join(dir, 'obhut.db');
    return {
      store: await openSqliteStore(file),
      reopen: () => openSqliteStore(file),
      cleanup: () => rm(dir, { recursive: true, force: true }),
      location: { sqlite: file },
    };
  },
};

consentRegisterContract('SQLite', sqlite);
subjectRequestsContract('SQLite', sqlite);
buildRegistryContract('SQLite', sqlite);
metaContract('SQLite', sqlite);
safetyStoreContract('SQLite', sqlite);
logContract('SQLite', sqlite);
reviewContract('SQLite', sqlite);
identityLinksContract('SQLite', sqlite);
modelRegisterContract('SQLite', sqlite);
staffStoreContract('SQLite', sqlite);
emailCodesContract('SQLite', sqlite);
sessionDenylistContract('SQLite', sqlite);
spentMediaLinksContract('SQLite', sqlite);
rateCountersContract('SQLite', sqlite);
webhooksContract('SQLite', sqlite);
