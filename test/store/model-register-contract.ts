import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisteredModel } from '../../src/lineage/index.js';
import { appendToLog, type CheckpointSigner } from '../../src/log/index.js';
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

    it('stores a model with the log entry that registers it, in one transaction', async () => {
      const sign: CheckpointSigner = (size, root) => `test\n${size}\n${root.toString('base64')}\n`;
      const registration = {
        name: 'acme/chat',
        version: '7',
        builds: [{ buildId: 'aaaaaaaaaaaaaaaa', manifestSha256: 'ab'.repeat(32) }],
        cardSha256: undefined,
        registeredAt: '2026-01-01T00:00:00.000Z',
      };
      const entry = (text: string) => ({ entry: Buffer.from(text) });
      const first = await appendToLog(
        store,
        [entry('other'), { ...entry('model 7'), model: registration }],
        sign,
      );
      expect(await store.registeredModel('acme/chat', '7')).toEqual({
        ...registration,
        logIndex: first.outcomes[1]!.index,
      });
      // The same name and version again: logged (the log cannot refuse), not stored again.
      const again = await appendToLog(
        store,
        [{ ...entry('model 7 again'), model: registration }],
        sign,
      );
      expect(again.outcomes[0]!.index).toBe(2);
      expect((await store.registeredModel('acme/chat', '7'))?.logIndex).toBe(1);
      // A transaction that fails at its end (a checkpoint size already taken) stores no model.
      await expect(
        store.integrate([], () => ({
          writes: {
            entries: [{ index: 3, entry: Buffer.from('doomed') }],
            nodes: [],
            events: [],
            links: [],
            models: [{ model: { ...registration, version: '8' }, index: 3 }],
            lateEvents: [],
            head: {
              checkpoint: {
                size: 2,
                root: Buffer.alloc(32),
                note: 'x',
                createdAt: registration.registeredAt,
              },
              edge: new Uint8Array(),
            },
          },
          result: undefined,
        })),
      ).rejects.toThrow();
      expect(await store.registeredModel('acme/chat', '8')).toBeUndefined();
      expect(await store.listModels()).toHaveLength(1);
    });

    it('lists nothing when no model is registered', async () => {
      expect(await store.listModels()).toEqual([]);
    });
  });
}
