import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerScript } from '../../src/io/worker-script.js';
import {
  appendToLog,
  auditLog,
  type CheckpointSigner,
  LogReader,
  LogWriter,
  type NewConsentEvent,
} from '../../src/log/index.js';
import {
  consistencyProof,
  emptyTreeHash,
  inclusionProof,
  leafHash,
  memoryRangeHasher,
  verifyConsistency,
  verifyInclusion,
} from '../../src/merkle/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

// The store never interprets the note; a plain stand-in keeps these tests about storage.
const sign: CheckpointSigner = (size, root) =>
  `test.local/log\n${size}\n${root.toString('base64')}\n`;

const entry = (i: number | string) => Buffer.from(JSON.stringify({ type: 'test', i }));

const consent = (key: string, subject = 'a'.repeat(64)): NewConsentEvent => ({
  key,
  subject,
  purpose: 'ai_training',
  action: 'object',
  at: '2026-01-01T00:00:00Z',
  atMs: Date.parse('2026-01-01T00:00:00Z'),
  channel: 'api',
  reference: undefined,
});

/** The transparency-log half of the store contract, run against every adapter. */
export function logContract(name: string, factory: StoreFactory): void {
  describe(`Log store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let location: { sqlite?: string; postgres?: string };

    beforeEach(async () => {
      ({ store, cleanup, location } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('signs a checkpoint for the empty tree once, and keeps it', async () => {
      expect(await store.logSize()).toBe(0);
      expect(await store.logCheckpoint()).toBeUndefined();
      const first = await appendToLog(store, [], sign);
      expect(first.checkpoint).toMatchObject({ size: 0, root: emptyTreeHash() });
      const again = await appendToLog(store, [], sign);
      expect(again.checkpoint.note).toBe(first.checkpoint.note);
      expect((await store.logCheckpoint(0))?.note).toBe(sign(0, emptyTreeHash()));
    });

    it('assigns contiguous indices per batch and proves every entry from stored nodes', async () => {
      const all: Buffer[] = [];
      const sizes: number[] = [];
      for (const batch of [1, 2, 5, 1, 9, 30]) {
        const appends = Array.from({ length: batch }, (_, k) => ({ entry: entry(all.length + k) }));
        const result = await appendToLog(store, appends, sign);
        expect(result.outcomes.map((o) => o.index)).toEqual(appends.map((_, k) => all.length + k));
        all.push(...appends.map((a) => a.entry));
        sizes.push(all.length);
        expect(result.checkpoint.size).toBe(all.length);
      }
      const reader = new LogReader(store);
      const fromLeaves = memoryRangeHasher(all);
      expect(await store.logEntries(0, all.length)).toEqual(all);
      for (const size of sizes) {
        const checkpoint = await reader.checkpoint(size);
        expect(checkpoint.root).toEqual(fromLeaves(0, size));
        for (let index = 0; index < size; index++) {
          const proof = await reader.inclusionProof(index, size);
          expect(proof).toEqual(inclusionProof(index, size, fromLeaves));
          expect(
            verifyInclusion(leafHash(all[index]!), index, size, proof, checkpoint.root).ok,
          ).toBe(true);
        }
        for (const old of sizes.filter((s) => s <= size)) {
          const proof = await reader.consistencyProof(old, size);
          expect(proof).toEqual(consistencyProof(old, size, fromLeaves));
          const oldRoot = (await reader.checkpoint(old)).root;
          expect(verifyConsistency(old, size, proof, oldRoot, checkpoint.root).ok).toBe(true);
        }
      }
      await expect(reader.inclusionProof(all.length, all.length)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const audit = await auditLog(store, () => undefined);
      expect(audit).toEqual({ size: all.length, checkpoints: sizes.length, problems: [] });
    });

    it('stores a consent event with its entry, once: retries get the first index back', async () => {
      const first = await appendToLog(
        store,
        [{ entry: entry('x'), consentEvent: consent('k1') }, { entry: entry('y') }],
        sign,
      );
      expect(first.outcomes).toEqual([
        { index: 0, fresh: true },
        { index: 1, fresh: true },
      ]);
      const retry = await appendToLog(
        store,
        [
          { entry: entry('x'), consentEvent: consent('k1') },
          { entry: entry('z'), consentEvent: consent('k2') },
          { entry: entry('z'), consentEvent: consent('k2') },
        ],
        sign,
      );
      expect(retry.outcomes).toEqual([
        { index: 0, fresh: false },
        { index: 2, fresh: true },
        { index: 2, fresh: false },
      ]);
      expect(await store.logSize()).toBe(3);
      expect(await store.countConsentEvents()).toBe(2);
      const [stored] = await store.consentEventsOf('a'.repeat(64));
      expect(stored).toMatchObject({ key: 'k1', logIndex: 0 });
      const onlyRetried = await appendToLog(
        store,
        [{ entry: entry('x'), consentEvent: consent('k1') }],
        sign,
      );
      expect(onlyRetried.checkpoint.size).toBe(3);
    });

    it('scans only the events a checkpoint covers', async () => {
      await appendToLog(
        store,
        [{ entry: entry(1), consentEvent: consent('a', 'b'.repeat(64)) }],
        sign,
      );
      await appendToLog(
        store,
        [{ entry: entry(2), consentEvent: consent('b', 'c'.repeat(64)) }],
        sign,
      );
      const scanned = async (logSize?: number) => {
        const out: string[] = [];
        for await (const page of store.scanConsentEvents('ai_training', Date.now(), { logSize }))
          out.push(...page.map((e) => e.subject[0]!));
        return out;
      };
      expect(await scanned(1)).toEqual(['b']);
      expect(await scanned(2)).toEqual(['b', 'c']);
      expect(await scanned()).toEqual(['b', 'c']);
    });

    it('logs events stored before the log existed, under their own ids', async () => {
      await store.appendConsentEvents([consent('old-1'), consent('old-2', 'd'.repeat(64))]);
      const writer = new LogWriter(store, sign);
      const logged = await writer.logEarlierEvents((e) => entry(e.key));
      expect(logged).toBe(2);
      expect(await store.unloggedConsentEvents(10)).toEqual([]);
      const [event] = await store.consentEventsOf('d'.repeat(64));
      expect(event?.logIndex).toBe(1);
      expect(await writer.logEarlierEvents((e) => entry(e.key))).toBe(0);
    });

    it('group-commits concurrent appends and acknowledges each with a proof that verifies', async () => {
      const writer = new LogWriter(store, sign);
      await writer.ensureCheckpoint();
      const acks = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          writer.append({ entry: entry(i), consentEvent: consent(`c${i}`) }),
        ),
      );
      expect(new Set(acks.map((a) => a.index)).size).toBe(200);
      expect(writer.stats.batches).toBeLessThan(200);
      for (const ack of acks) {
        expect(
          verifyInclusion(
            leafHash(ack.entry),
            ack.index,
            ack.checkpoint.size,
            ack.proof,
            ack.checkpoint.root,
          ).ok,
        ).toBe(true);
      }
      // A retry is acknowledged from storage, with a proof against the newest checkpoint.
      const retry = await writer.append({ entry: entry(5), consentEvent: consent('c5') });
      expect(retry.fresh).toBe(false);
      expect(retry.entry).toEqual(acks[5]!.entry);
      expect(
        verifyInclusion(
          leafHash(retry.entry),
          retry.index,
          retry.checkpoint.size,
          retry.proof,
          retry.checkpoint.root,
        ).ok,
      ).toBe(true);
    });

    it('keeps one consistent log when another thread appends at the same time', async () => {
      const { script, eval: isEval } = workerScript(import.meta.url, 'append-worker');
      const worker = new Worker(script, {
        eval: isEval,
        workerData: { location, prefix: 'b', count: 60 },
      });
      const done = new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const writer = new LogWriter(store, sign, { maxBatch: 7 });
      await writer.appendAll(Array.from({ length: 60 }, (_, i) => ({ entry: entry(`a${i}`) })));
      await done;
      const audit = await auditLog(store, () => undefined);
      expect(audit.size).toBe(120);
      expect(audit.problems).toEqual([]);
    });

    it('any sequence of batches keeps entries, nodes and checkpoints in agreement', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
          async (batches) => {
            for (const n of batches) {
              await appendToLog(
                store,
                Array.from({ length: n }, () => ({
                  entry: createHash('sha256').update(String(Math.random())).digest(),
                })),
                sign,
              );
            }
            const audit = await auditLog(store, () => undefined);
            expect(audit.problems).toEqual([]);
          },
        ),
        { numRuns: 8 },
      );
    });
  });
}
