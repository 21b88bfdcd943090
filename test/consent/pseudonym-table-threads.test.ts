import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createPseudonymTable, PseudonymCache } from '../../src/consent/index.js';

// Two real threads on one shared pseudonym table (the build's worker and build thread), racing to
// store the same subjects: every pseudonym either finds must be the HMAC of the subject, and the
// table must hold each subject about once. The worker runs the tsc output in dist/ (rebuilt by
// the tests' global setup when a source is newer).
const CACHE = new URL('../../dist/consent/pseudonym-cache.js', import.meta.url).href;

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
import(workerData.cache).then(({ PseudonymCache }) => {
  const { table, secret, seed, subjects, lookups } = workerData;
  const cache = new PseudonymCache(secret, (d) => d[0] & 1, table);
  let state = seed;
  let wrong = 0;
  for (let i = 0; i < lookups; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const n = state % subjects;
    // Keys of 17 to 60 bytes: inside an entry's 27 and spilled past them.
    const subject = { platform: 'p'.repeat(1 + (n % 44)), account: 'a' + n };
    const handle = cache.find(subject);
    const expected = createHmac('sha256', secret).update(subject.platform + '\\0' + subject.account).digest();
    if (!cache.digest(handle).equals(expected) || cache.value(handle) !== (expected[0] & 1)) wrong++;
  }
  parentPort.postMessage({ wrong, stored: cache.stored });
});
`;

function run(workerData: object): Promise<{ wrong: number; stored: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('a pseudonym table shared by two threads', () => {
  it('gives every lookup the right pseudonym while both threads store', async () => {
    const subjects = 20_000;
    const table = createPseudonymTable(1 << 15);
    const secret = randomBytes(32);
    const common = { cache: CACHE, table, secret, subjects, lookups: 120_000 };
    const results = await Promise.all([run({ ...common, seed: 1 }), run({ ...common, seed: 2 })]);
    for (const result of results) expect(result.wrong).toBe(0);
    // Each subject stored once, but for the few both threads missed at the same moment.
    const stored = new PseudonymCache(secret, () => 0, table).stored;
    // A thread's count is read when it finishes; the other may still store after that.
    for (const result of results) expect(result.stored).toBeLessThanOrEqual(stored);
    expect(stored).toBeGreaterThanOrEqual(subjects * 0.99);
    expect(stored).toBeLessThan(subjects * 1.05);
  }, 60_000);
});
