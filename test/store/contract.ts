import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/safety/finding.js';
import type { NewConsentEvent, Store } from '../../src/store/index.js';

export interface StoreFactory {
  /** Opens a store on a fresh, empty database; `reopen` opens the same database again. */
  open(): Promise<{
    store: Store;
    reopen: () => Promise<Store>;
    cleanup: () => Promise<void>;
    /** Where the database is, for a second thread to open it. */
    location: { sqlite?: string; postgres?: string };
  }>;
}

const event = (over: Partial<NewConsentEvent> & { key: string }): NewConsentEvent => ({
  subject: 's1',
  purpose: 'ai_training',
  action: 'object',
  at: '2025-05-20T08:00:00Z',
  atMs: Date.parse('2025-05-20T08:00:00Z'),
  channel: 'import',
  reference: undefined,
  ...over,
});

/** The behaviour every Store adapter must have; run once per adapter (the hono/drizzle pattern). */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, reopen, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('appends events and skips keys it already holds', async () => {
      const events = [event({ key: 'a' }), event({ key: 'b', action: 'revoke_objection' })];
      expect(await store.appendConsentEvents(events)).toEqual({ inserted: 2, skipped: 0 });
      expect(await store.appendConsentEvents([...events, event({ key: 'c' })])).toEqual({
        inserted: 1,
        skipped: 2,
      });
      expect(await store.countConsentEvents()).toBe(3);
    });

    it('keeps every field of an event, including a missing reference', async () => {
      await store.appendConsentEvents([
        event({
          key: 'a',
          reference: 'ticket 7',
          channel: 'portal',
          at: '2025-05-20T10:00:00+02:00',
        }),
        event({ key: 'b', subject: 's2' }),
      ]);
      const [a] = await store.consentEventsOf('s1');
      expect(a).toMatchObject({
        subject: 's1',
        purpose: 'ai_training',
        action: 'object',
        at: '2025-05-20T10:00:00+02:00',
        atMs: Date.parse('2025-05-20T08:00:00Z'),
        channel: 'portal',
        reference: 'ticket 7',
      });
      expect((await store.consentEventsOf('s2'))[0]!.reference).toBeUndefined();
      expect(await store.consentEventsOf('nobody')).toEqual([]);
    });

    it('orders events by time, then by import order for equal times', async () => {
      const t = Date.parse('2025-01-01T00:00:00Z');
      await store.appendConsentEvents([
        event({ key: '1', atMs: t + 10, action: 'consent' }),
        event({ key: '2', atMs: t, action: 'object' }),
        event({ key: '3', atMs: t, action: 'revoke_objection' }),
        event({ key: '4', atMs: t - 5, action: 'withdraw_consent' }),
      ]);
      const actions = (await store.consentEventsOf('s1')).map((e) => e.action);
      expect(actions).toEqual(['withdraw_consent', 'object', 'revoke_objection', 'consent']);
    });

    it('scans one purpose up to a time, page by page, without losing or repeating events', async () => {
      const t = Date.parse('2025-01-01T00:00:00Z');
      const events: NewConsentEvent[] = [];
      for (let i = 0; i < 23; i++) {
        // Runs of equal times straddle page boundaries.
        events.push(event({ key: `k${i}`, subject: `s${i}`, atMs: t + Math.floor(i / 4) }));
      }
      events.push(event({ key: 'late', atMs: t + 1000 }));
      events.push(event({ key: 'other', purpose: 'human_review', atMs: t }));
      await store.appendConsentEvents(events);

      const seen: string[] = [];
      let pages = 0;
      for await (const page of store.scanConsentEvents('ai_training', t + 100, { pageSize: 5 })) {
        pages++;
        seen.push(...page.map((e) => e.subject));
      }
      expect(seen).toEqual(events.slice(0, 23).map((e) => e.subject));
      expect(pages).toBe(5);
      const seqs: number[] = [];
      for await (const page of store.scanConsentEvents('ai_training', t + 5000, { pageSize: 1000 }))
        seqs.push(...page.map((e) => e.seq));
      expect(seqs).toHaveLength(24);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    });

    it('records builds once per manifest and lists them', async () => {
      const build = {
        manifestSha256: 'ab'.repeat(32),
        purpose: 'ai_training',
        consentAt: '2025-06-01T00:00:00Z',
        itemsRoot: 'cd'.repeat(32),
        admitted: 5,
        excluded: 2,
        rejected: 1,
        createdAt: '2025-06-01T00:00:01Z',
      };
      await store.recordBuild(build);
      await store.recordBuild({ ...build, createdAt: '2025-06-02T00:00:00Z' });
      expect(await store.listBuilds()).toEqual([build]);
    });

    it('records a build with its subjects in chunks and returns them whole, once per manifest', async () => {
      const subjects = Buffer.alloc(5000 * 32);
      for (let i = 0; i < 5000; i++) subjects.writeUInt32BE(i, i * 32);
      const build = {
        manifestSha256: 'ef'.repeat(32),
        purpose: 'ai_training',
        consentAt: '2025-06-01T00:00:00Z',
        itemsRoot: 'cd'.repeat(32),
        admitted: 9000,
        excluded: 0,
        rejected: 0,
        createdAt: '2025-06-01T00:00:01Z',
        buildId: 'efefefefefefefef',
        subjectsRoot: '12'.repeat(32),
        subjectsCount: 5000,
        logIndex: 17,
        checkpointSize: 16,
      };
      // Blocks of odd sizes: the store regroups them into rows.
      const blocks = [
        subjects.subarray(0, 100),
        subjects.subarray(100, 131_100),
        subjects.subarray(131_100),
      ];
      await store.recordBuild(build, blocks);
      await store.recordBuild({ ...build, createdAt: '2025-06-02T00:00:00Z' }, [Buffer.alloc(32)]);
      expect(await store.listBuilds()).toEqual([build]);
      expect((await store.buildSubjects('efefefefefefefef'))!.equals(subjects)).toBe(true);
      expect(await store.buildSubjects('0000000000000000')).toBeUndefined();

      const empty = { ...build, manifestSha256: 'aa'.repeat(32), buildId: 'aaaaaaaaaaaaaaaa' };
      await store.recordBuild({ ...empty, subjectsCount: 0 }, []);
      expect(await store.buildSubjects('aaaaaaaaaaaaaaaa')).toEqual(Buffer.alloc(0));
      // A build recorded without subjects (as before they were kept) has none to give.
      const { buildId: _id, subjectsRoot: _r, subjectsCount: _c, ...old } = build;
      await store.recordBuild({ ...old, manifestSha256: 'bb'.repeat(32) });
      expect((await store.listBuilds()).map((b) => b.buildId)).toEqual([
        'efefefefefefefef',
        'aaaaaaaaaaaaaaaa',
        undefined,
      ]);
    });

    it('sets metadata only once', async () => {
      expect(await store.getMeta('k')).toBeUndefined();
      expect(await store.initMeta('k', 'first')).toBe('first');
      expect(await store.initMeta('k', 'second')).toBe('first');
    });

    it('survives reopening: migrations run again without harm and data stays', async () => {
      await store.appendConsentEvents([event({ key: 'a' })]);
      await store.close();
      store = await reopen();
      expect(await store.countConsentEvents()).toBe(1);
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
