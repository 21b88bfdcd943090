import { Worker } from 'node:worker_threads';
import {
  type ConsentSnapshot,
  loadConsentSnapshot,
  type SnapshotData,
  snapshotFromData,
} from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import { workerScript } from '../io/worker-script.js';
import type { Purpose } from '../records/index.js';
import type { Store } from '../store/index.js';
import type { Config } from './config.js';

/** Registers up to this many events are read on the calling thread (hundreds of bytes an event). */
export const IN_THREAD_EVENTS = 10_000;

/**
 * Loads the register's state for a build in a short-lived thread. Reading every event leaves
 * the reading heap grown by hundreds of bytes an event, which V8 keeps for the life of the
 * thread; on the main thread that stayed in the build's peak memory (about 90 MB for 160,000
 * events). The index itself lives in shared memory and outlives the thread. `logSize` bounds
 * the events read to those logged in the tree of that size, as in `loadConsentSnapshot`.
 *
 * A small register is read through `store` on this thread instead: the thread's start-up (its
 * own Kysely, zod and SQLite, ~370 modules) cost ~0.3–0.6 CPU-s, the bulk of a small build's
 * fixed cost, to keep back a few MB at most (BENCHMARKS.md, issue 21).
 */
export async function loadConsentSnapshotIsolated(
  config: Pick<Config, 'home' | 'databaseUrl'>,
  purpose: Purpose,
  at: string,
  atMs: number,
  options: { logSize?: number | undefined } = {},
  store?: Pick<Store, 'countConsentEvents' | 'scanConsentEvents' | 'identityLinks'>,
): Promise<ConsentSnapshot> {
  if (store && (await store.countConsentEvents()) <= IN_THREAD_EVENTS) {
    return loadConsentSnapshot(store, purpose, at, atMs, options);
  }
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
