import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of redeemed media links (`src/store/spent-media-links.ts`). Run once per adapter. */
export function spentMediaLinksContract(name: string, factory: StoreFactory): void {
  describe(`Spent media links contract: ${name}`, () => {
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

    it('spends a nonce once across connections until its time has passed', async () => {
      const other = await reopen();
      try {
        const first = await Promise.all([
          store.spendMediaLink('n', 2_000, 1_000),
          other.spendMediaLink('n', 2_000, 1_000),
        ]);
        expect(first.filter(Boolean)).toHaveLength(1);
        expect(await other.spendMediaLink('n', 2_000, 1_500)).toBe(false);
        expect(await store.spendMediaLink('m', 2_000, 1_500)).toBe(true);
        // Kept until the link expired; after that the nonce is deleted on the way.
        expect(await store.spendMediaLink('n', 9_000, 2_001)).toBe(true);
      } finally {
        await other.close();
      }
    });
  });
}
