import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/safety/finding.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of the hash bank and finding stores (`src/safety/safety-store.ts`). Run once per adapter. */
export function safetyStoreContract(name: string, factory: StoreFactory): void {
  describe(`Hash bank and finding store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('imports hash banks idempotently, merging labels, and refuses a change of type', async () => {
      const bank = {
        name: 'test-bank',
        signalType: 'pdq' as const,
        source: 'generated',
        listVersion: '1',
        threshold: 31,
      };
      const a = 'a'.repeat(64);
      const b = 'b'.repeat(64);
      expect(
        await store.importBank(bank, [
          { hash: a, labels: ['x'] },
          { hash: b, labels: [] },
        ]),
      ).toEqual({ inserted: 2, alreadyPresent: 0 });
      expect(
        await store.importBank({ ...bank, listVersion: '2', threshold: 20 }, [
          { hash: a, labels: ['y'] },
        ]),
      ).toEqual({ inserted: 0, alreadyPresent: 1 });
      expect(await store.bankEntries('test-bank')).toEqual([
        { hash: a, labels: ['x', 'y'] },
        { hash: b, labels: [] },
      ]);
      expect(await store.bankEntries('missing')).toBeUndefined();
      // The same bank in one piece, for matching: hashes concatenated in hash order.
      expect(await store.bankSignals('test-bank')).toEqual({
        hashes: a + b,
        count: 2,
        labelled: [{ hash: a, labels: ['x', 'y'] }],
      });
      expect(await store.bankSignals('missing')).toBeUndefined();
      expect(await store.listBanks()).toMatchObject([
        { ...bank, listVersion: '2', threshold: 20, entries: 2 },
      ]);
      await expect(store.importBank({ ...bank, signalType: 'md5' }, [])).rejects.toMatchObject({
        code: 'BANK_INVALID',
      });
    });

    it("gives a bank's settings without its entries, and a new revision on every import", async () => {
      const bank = {
        name: 'rev-bank',
        signalType: 'pdq' as const,
        source: 'generated',
        listVersion: '1',
        threshold: 31,
      };
      expect(await store.bankHead('rev-bank')).toBeUndefined();
      await store.importBank(bank, [{ hash: 'a'.repeat(64), labels: [] }]);
      const first = await store.bankHead('rev-bank');
      expect(first).toEqual({ ...bank, revision: expect.stringMatching(/^[0-9a-f]{32}$/) });
      // Read again, unchanged.
      expect(await store.bankHead('rev-bank')).toEqual(first);
      // Any import is a new revision: new entries, new labels, or only new settings.
      const seen = new Set([first!.revision]);
      for (const [settings, entries] of [
        [bank, [{ hash: 'b'.repeat(64), labels: [] }]],
        [bank, [{ hash: 'b'.repeat(64), labels: ['x'] }]],
        [{ ...bank, listVersion: '2', threshold: 20 }, []],
      ] as const) {
        await store.importBank(settings, entries);
        const head = await store.bankHead('rev-bank');
        expect(head).toMatchObject({ ...settings, revision: expect.any(String) });
        expect(seen.has(head!.revision!)).toBe(false);
        seen.add(head!.revision!);
      }
      // A failed import (another type) changes nothing.
      const before = await store.bankHead('rev-bank');
      await expect(store.importBank({ ...bank, signalType: 'md5' }, [])).rejects.toMatchObject({
        code: 'BANK_INVALID',
      });
      expect(await store.bankHead('rev-bank')).toEqual(before);
    });

    it("keeps a bank entry's quality, fills an unknown one later, and puts it on the finding that matched it", async () => {
      const bank = {
        name: 'q-bank',
        signalType: 'pdq' as const,
        source: null,
        listVersion: null,
        threshold: 31,
      };
      const finding = sampleFinding();
      const other = 'e'.repeat(64);
      await store.importBank(bank, [
        { hash: finding.matchedHash, labels: [] },
        { hash: other, labels: [], quality: 90 },
      ]);
      await store.importBank(bank, [
        { hash: finding.matchedHash, labels: ['z'], quality: 70 },
        { hash: other, labels: [], quality: 55 },
      ]);
      expect(await store.bankEntries('q-bank')).toEqual([
        { hash: finding.matchedHash, labels: ['z'], quality: 70 },
        { hash: other, labels: [], quality: 90 },
      ]);
      expect(await store.recordFinding({ ...finding, bank: 'q-bank' })).toBe(true);
      expect(await store.getFinding(finding.id)).toEqual({
        ...finding,
        bank: 'q-bank',
        matchedQuality: 70,
      });
    });

    it('stores findings once with their provenance, lists them and updates their status', async () => {
      const finding = sampleFinding();
      const sparse: Finding = {
        ...finding,
        id: '1'.repeat(32),
        signalType: 'sha256',
        bankVersion: undefined,
        hashPolicy: undefined,
        distance: 0,
        labels: [],
        provenance: { recordId: 'item-2', input: 'items.jsonl', line: 8 },
        file: { name: 'b.png', size: 1, sha256: 'c'.repeat(64), md5: 'd'.repeat(32) },
        foundAt: '2025-06-02T00:00:00.000Z',
      };
      expect(await store.recordFinding(finding)).toBe(true);
      expect(await store.recordFinding(sparse)).toBe(true);
      expect(await store.recordFinding({ ...finding, distance: 9 })).toBe(false);
      const { bankVersion: _b, hashPolicy: _h, ...sparseStored } = sparse;
      expect(await store.listFindings()).toEqual([finding, sparseStored]);
      expect(await store.listFindings({ buildId: 'other' })).toEqual([]);
      expect(await store.getFinding('missing')).toBeUndefined();
      const reported = await store.updateFindingStatus(finding.id, 'reported', 'CT-42');
      expect(reported).toMatchObject({ status: 'reported', reportId: 'CT-42' });
      expect(await store.listFindings({ status: 'open' })).toEqual([sparseStored]);
      expect(await store.updateFindingStatus('missing', 'escalated')).toBeUndefined();
    });

    it('puts a false positive on its bank allow list, and takes it off when judged otherwise', async () => {
      const finding = sampleFinding();
      expect(await store.recordFinding(finding)).toBe(true);
      expect(await store.bankAllowList(finding.bank)).toEqual([]);
      await store.updateFindingStatus(finding.id, 'false_positive');
      const allowed = await store.bankAllowList(finding.bank);
      expect(allowed).toEqual([
        expect.objectContaining({
          bank: finding.bank,
          sha256: finding.file.sha256,
          findingId: finding.id,
        }),
      ]);
      expect(await store.bankAllowList('another-bank')).toEqual([]);
      // Marking it again changes nothing; judging it reported removes the allowance.
      await store.updateFindingStatus(finding.id, 'false_positive');
      expect(await store.bankAllowList(finding.bank)).toHaveLength(1);
      await store.updateFindingStatus(finding.id, 'reported', 'CT-7');
      expect(await store.bankAllowList(finding.bank)).toEqual([]);
    });
  });
}

/** A finding with every provenance field filled in. */
function sampleFinding(): Finding {
  return {
    id: 'f'.repeat(32),
    buildId: '0123456789abcdef',
    bank: 'test-bank',
    signalType: 'pdq',
    bankVersion: '3',
    matchedHash: 'a'.repeat(64),
    distance: 4,
    labels: ['test-label'],
    hashPolicy: 'reference-512',
    provenance: {
      recordId: 'item-1',
      input: 'items.jsonl',
      line: 7,
      sourceUrl: 'https://example.org/a.png',
      dataset: 'crawl',
      datasetVersion: '2025-05',
      collectedAt: '2025-05-01T10:00:00Z',
      collector: 'bot',
      license: 'CC-BY-4.0',
      subject: 'b'.repeat(64),
    },
    file: {
      name: 'images/a.png',
      size: 1234,
      sha256: 'c'.repeat(64),
      md5: 'd'.repeat(32),
      pdq: 'e'.repeat(64),
      pdqQuality: 100,
    },
    status: 'open',
    foundAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
  };
}
