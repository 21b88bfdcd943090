import { Worker } from 'node:worker_threads';
import { type ConsentSnapshot, type SnapshotData, snapshotFromData } from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import { workerScript } from '../io/worker-script.js';
import type { Purpose } from '../records/index.js';
import type { Config } from './config.js';

/**
 * Loads the register's state for a build in a short-lived thread. Reading every event leaves
 * the reading heap grown by hundreds of bytes an event, which V8 keeps for the life of the
 * thread; on the main thread that stayed in the build's peak memory (about 90 MB for 160,000
 * events). The index itself lives in shared memory and outlives the thread. `logSize` bounds
 * the events read to those logged in the tree of that size, as in `loadConsentSnapshot`.
 */
export async function loadConsentSnapshotIsolated(
  config: Pick<Config, 'home' | 'databaseUrl'>,
  purpose: Purpose,
  at: string,
  atMs: number,
  options: { logSize?: number | undefined } = {},
): Promise<ConsentSnapshot> {
  const entry = workerScript(import.meta.url, 'snapshot-worker');
  const worker = new Worker(entry.script, {
    eval: entry.eval,
    workerData: {
      config: { home: config.home, databaseUrl: config.databaseUrl },
      purpose,
      at,
      atMs,
      logSize: options.logSize,
    },
  });
  try {
    const data = await new Promise<SnapshotData>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`the register reader stopped (exit code ${code})`)),
      );
    });
    return snapshotFromData(data);
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError(
      'STORE_FAILED',
      `reading the consent register failed: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  } finally {
    await worker.terminate();
  }
}
