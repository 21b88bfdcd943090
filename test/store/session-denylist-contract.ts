import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of the sign-out denylist (`src/store/session-denylist.ts`). Run once per adapter. */
export function sessionDenylistContract(name: string, factory: StoreFactory): void {
  describe(`Session denylist contract: ${name}`, () => {
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

    it('denies a signed-out id at every connection, and forgets it once its token expired', async () => {
      expect(await store.isSessionDenied('s1')).toBe(false);
      await store.denySession('s1', 2_000, 1_000);
      await store.denySession('s1', 2_000, 1_100);
      const other = await reopen();
      try {
        expect(await other.isSessionDenied('s1')).toBe(true);
        expect(await other.isSessionDenied('s2')).toBe(false);
      } finally {
        await other.close();
      }
      // Signing out another session after s1's token expired deletes s1's entry.
      await store.denySession('s2', 9_000, 2_001);
      expect(await store.isSessionDenied('s1')).toBe(false);
      expect(await store.isSessionDenied('s2')).toBe(true);
    });
  });
}
