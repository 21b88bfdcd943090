import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of the pending e-mail codes (`src/store/email-codes.ts`). Run once per adapter. */
export function emailCodesContract(name: string, factory: StoreFactory): void {
  describe(`E-mail codes contract: ${name}`, () => {
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

    it('redeems the pending code once, and only before it expires', async () => {
      await store.putEmailCode({ address: 'a', codeHash: 'right', expiresMs: 2_000 }, 1_000);
      expect(await store.tryEmailCode('a', 'wrong', 1_100, 5)).toBe(false);
      expect(await store.tryEmailCode('b', 'right', 1_100, 5)).toBe(false);
      expect(await store.tryEmailCode('a', 'right', 1_200, 5)).toBe(true);
      expect(await store.tryEmailCode('a', 'right', 1_300, 5)).toBe(false);

      await store.putEmailCode({ address: 'c', codeHash: 'right', expiresMs: 2_000 }, 1_000);
      expect(await store.tryEmailCode('c', 'right', 2_000, 5)).toBe(false);
    });

    it('counts every try, the right one too, and refuses after the last allowed', async () => {
      await store.putEmailCode({ address: 'a', codeHash: 'right', expiresMs: 9_000 }, 0);
      for (let i = 0; i < 3; i++) expect(await store.tryEmailCode('a', 'wrong', 1, 3)).toBe(false);
      expect(await store.tryEmailCode('a', 'right', 1, 3)).toBe(false);
      // A new code replaces the old one and its count.
      await store.putEmailCode({ address: 'a', codeHash: 'new', expiresMs: 9_000 }, 2);
      expect(await store.tryEmailCode('a', 'right', 3, 3)).toBe(false);
      expect(await store.tryEmailCode('a', 'new', 3, 3)).toBe(true);
    });

    it('deletes expired codes when a new one is stored', async () => {
      await store.putEmailCode({ address: 'old', codeHash: 'x', expiresMs: 1_000 }, 0);
      await store.putEmailCode({ address: 'new', codeHash: 'y', expiresMs: 5_000 }, 1_000);
      // Asked as of an earlier time, the old code would still be valid: it is gone, not refused.
      expect(await store.tryEmailCode('old', 'x', 500, 5)).toBe(false);
      expect(await store.tryEmailCode('new', 'y', 1_500, 5)).toBe(true);
    });

    it('lets exactly one of many concurrent right answers from two connections through', async () => {
      const other = await reopen();
      try {
        await store.putEmailCode({ address: 'a', codeHash: 'right', expiresMs: 9_000 }, 0);
        const answers = await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            (i % 2 ? store : other).tryEmailCode('a', 'right', 1, 5),
          ),
        );
        expect(answers.filter(Boolean)).toHaveLength(1);
        // Wrong tries from both connections add up to the one limit.
        await store.putEmailCode({ address: 'b', codeHash: 'right', expiresMs: 9_000 }, 0);
        await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            (i % 2 ? store : other).tryEmailCode('b', 'no', 1, 5),
          ),
        );
        expect(await other.tryEmailCode('b', 'right', 1, 5)).toBe(false);
      } finally {
        await other.close();
      }
    });
  });
}
