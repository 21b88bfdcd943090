import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewIdentityLink } from '../../src/consent/index.js';
import {
  encodeEntry,
  generateNoteKey,
  parseSignerKey,
  TransparencyLog,
} from '../../src/log/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

const hex = (c: string) => c.repeat(64);
const link = (
  key: string,
  a: string,
  b: string,
  atMs: number,
  action: NewIdentityLink['action'] = 'link',
): NewIdentityLink => ({
  key,
  subjects: [hex(a), hex(b)],
  action,
  at: new Date(atMs).toISOString(),
  atMs,
  via: 'operator',
  platforms: ['email', null],
});
const entryOf = (l: NewIdentityLink) =>
  encodeEntry({
    type: 'identity_link',
    version: 1,
    link_id: l.key,
    subjects: [l.subjects[0], l.subjects[1]],
    action: l.action,
    at: l.at,
    via: l.via,
  });

/** The behaviour of the identity link register (`src/consent/identity-links.ts`). Run once per adapter. */
export function identityLinksContract(name: string, factory: StoreFactory): void {
  describe(`Identity link register contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let log: TransparencyLog;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
      log = new TransparencyLog(store, parseSignerKey(generateNoteKey('test.local/log').signerKey));
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('stores a link with its log entry, in one transaction, and reads it back in (at, log) order', async () => {
      const late = link('l1', 'a', 'b', 3_000);
      const early = link('l2', 'a', 'c', 1_000);
      const same = link('l3', 'b', 'c', 1_000, 'unlink');
      const acks = await log.writer.appendAll(
        [late, early, same].map((l) => ({ entry: entryOf(l), identityLink: l })),
      );
      expect(await store.logSize()).toBe(3);
      const all = await store.identityLinks(10_000);
      expect(all.map((l) => l.key)).toEqual(['l2', 'l3', 'l1']);
      expect(all[0]).toEqual({ ...early, logIndex: acks[1]!.index });
      expect((await store.identityLinks(2_999)).map((l) => l.key)).toEqual(['l2', 'l3']);
      expect((await store.identityLinks(999)).map((l) => l.key)).toEqual([]);
      // Bounded by a log size: only links whose entry is in that tree.
      expect(
        (await store.identityLinks(10_000, { logSize: acks[1]!.index })).map((l) => l.key),
      ).toEqual(['l1']);
    });

    it("finds a subject's links from either side", async () => {
      const links = [link('l1', 'a', 'b', 1), link('l2', 'c', 'd', 2), link('l3', 'b', 'e', 3)];
      await log.writer.appendAll(links.map((l) => ({ entry: entryOf(l), identityLink: l })));
      expect((await store.identityLinksOf([hex('b')])).map((l) => l.key)).toEqual(['l1', 'l3']);
      expect((await store.identityLinksOf([hex('d'), hex('e')])).map((l) => l.key)).toEqual([
        'l2',
        'l3',
      ]);
      expect(await store.identityLinksOf([hex('f')])).toEqual([]);
      expect(await store.identityLinksOf([])).toEqual([]);
    });

    it('a failed append stores neither the entry nor the link', async () => {
      const l = link('l1', 'a', 'b', 1);
      await log.writer.append({ entry: entryOf(l), identityLink: l });
      // The same key again breaks the unique key inside the transaction: both roll back.
      await expect(log.writer.append({ entry: entryOf(l), identityLink: l })).rejects.toThrow();
      expect(await store.logSize()).toBe(1);
      expect(await store.identityLinks(10)).toHaveLength(1);
    });
  });
}
