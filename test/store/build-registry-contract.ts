import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

/** The behaviour of the build registry (`src/gate/build-registry.ts`). Run once per adapter. */
export function buildRegistryContract(name: string, factory: StoreFactory): void {
  describe(`Build registry contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
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
  });
}
