// Appends entries from another thread (its own event loop and connection), as a second
// process appending to the same register would.
import { parentPort, workerData } from 'node:worker_threads';
import { LogWriter } from '../../src/log/index.js';
import { openPostgresStore, openSqliteStore } from '../../src/store/index.js';

const { location, prefix, count } = workerData as {
  location: { sqlite?: string; postgres?: string };
  prefix: string;
  count: number;
};
const store = location.sqlite
  ? await openSqliteStore(location.sqlite)
  : await openPostgresStore(location.postgres!);
const writer = new LogWriter(
  store,
  (size, root) => `test.local/log\n${size}\n${root.toString('base64')}\n`,
  { maxBatch: 5 },
);
await writer.appendAll(
  Array.from({ length: count }, (_, i) => ({
    entry: Buffer.from(JSON.stringify({ type: 'test', i: `${prefix}${i}` })),
  })),
);
await store.close();
parentPort!.postMessage('done');
