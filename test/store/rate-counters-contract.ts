import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

const MINUTE = 60_000;

/** The behaviour of the rate-limit counters (`src/store/rate-counters.ts`). Run once per adapter. */
export function rateCountersContract(name: string, factory: StoreFactory): void {
  describe(`Rate counters contract: ${name}`, () => {
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

    it('counts hits per key within a window and starts a new window once it ended', async () => {
      expect(await store.countHit('a', MINUTE, 1_000)).toEqual({ hits: 1, windowEndsMs: 61_000 });
      expect(await store.countHit('a', MINUTE, 30_000)).toEqual({ hits: 2, windowEndsMs: 61_000 });
      expect(await store.countHit('b', MINUTE, 30_000)).toEqual({ hits: 1, windowEndsMs: 90_000 });
      expect(await store.countHit('a', MINUTE, 60_999)).toEqual({ hits: 3, windowEndsMs: 61_000 });
      expect(await store.countHit('a', MINUTE, 61_000)).toEqual({
        hits: 1,
        windowEndsMs: 121_000,
      });
    });

    it('purges only windows that ended', async () => {
      await store.countHit('a', MINUTE, 0);
      await store.countHit('b', MINUTE, 30_000);
      expect(await store.purgeRateCounters(60_000)).toBe(1);
      expect(await store.purgeRateCounters(60_000)).toBe(0);
      // b's window still runs: its count survived the purge.
      expect((await store.countHit('b', MINUTE, 60_000)).hits).toBe(2);
      expect(await store.countHit('a', MINUTE, 60_000)).toEqual({ hits: 1, windowEndsMs: 120_000 });
    });

    it('counts concurrent hits from two connections exactly once each', async () => {
      const other = await reopen();
      try {
        const hits = await Promise.all(
          Array.from({ length: 40 }, (_, i) => (i % 2 ? store : other).countHit('k', MINUTE, 5)),
        );
        expect(hits.map((h) => h.hits).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 40 }, (_, i) => i + 1),
        );
      } finally {
        await other.close();
      }
    });
  });
}
