import { parentPort, workerData } from 'node:worker_threads';
import { loadConsentSnapshot, snapshotData } from '../consent/index.js';
import type { Purpose } from '../records/index.js';
import type { Config } from './config.js';
import { openStore } from './home.js';

// Entry point of the thread that reads the register for a build; see load-snapshot.ts.
const { config, purpose, at, atMs, logSize } = workerData as {
  config: Pick<Config, 'home' | 'databaseUrl'>;
  purpose: Purpose;
  at: string;
  atMs: number;
  logSize: number | undefined;
};
const store = await openStore(config);
try {
  const snapshot = await loadConsentSnapshot(store, purpose, at, atMs, { logSize });
  parentPort!.postMessage(snapshotData(snapshot));
} finally {
  await store.close();
}
