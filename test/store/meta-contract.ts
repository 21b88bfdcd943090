import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of the meta store (`src/store/meta.ts`). Run once per adapter. */
export function metaContract(name: string, factory: StoreFactory): void {
  describe(`Meta store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('sets metadata only once', async () => {
      expect(await store.getMeta('k')).toBeUndefined();
      expect(await store.initMeta('k', 'first')).toBe('first');
      expect(await store.initMeta('k', 'second')).toBe('first');
    });
  });
}
