import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisteredModel } from '../../src/lineage/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of the model register (`src/lineage/model-register.ts`). Run once per adapter. */
export function modelRegisterContract(name: string, factory: StoreFactory): void {
  describe(`Model register contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    const model = (version: string, logIndex: number, builds: string[]): RegisteredModel => ({
      name: 'acme/chat',
      version,
      builds: builds.map((id) => ({ buildId: id, manifestSha256: `${id}${'0'.repeat(48)}` })),
      cardSha256: version === '1' ? 'ab'.repeat(32) : undefined,
      registeredAt: `2026-01-0${logIndex}T00:00:00.000Z`,
      logIndex,
    });

    it('stores a model once per name and version, with its builds in id order', async () => {
      const first = model('1', 3, ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
      expect(await store.recordModel(first)).toBe(true);
      expect(await store.recordModel({ ...model('1', 4, ['cccccccccccccccc']) })).toBe(false);
      const second = model('2', 5, ['bbbbbbbbbbbbbbbb']);
      expect(await store.recordModel(second)).toBe(true);
      expect(await store.registeredModel('acme/chat', '1')).toEqual(first);
      expect(await store.registeredModel('acme/chat', '3')).toBeUndefined();
      expect(await store.listModels()).toEqual([first, second]);
    });

    it('lists nothing when no model is registered', async () => {
      expect(await store.listModels()).toEqual([]);
    });
  });
}
