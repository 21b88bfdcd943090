import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
import { type StoreFactory, storeContract } from './contract.js';
import { logContract } from './log-contract.js';
import { reviewContract } from './review-contract.js';
import { staffStoreContract } from './staff-contract.js';

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

storeContract('SQLite', sqlite);
logContract('SQLite', sqlite);
reviewContract('SQLite', sqlite);
staffStoreContract('SQLite', sqlite);
