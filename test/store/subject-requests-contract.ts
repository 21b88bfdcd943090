import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubjectRequest } from '../../src/consent/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

const request = (over: Partial<SubjectRequest> & { id: string }): SubjectRequest => ({
  subject: 's1',
  kind: 'access',
  status: 'received',
  message: undefined,
  receivedAt: '2025-05-20T08:00:00.000Z',
  deadline: '2025-06-20T08:00:00.000Z',
  answer: undefined,
  answeredAt: undefined,
  ...over,
});

/** The behaviour of the subject request register (`src/consent/subject-requests.ts`). Run once per adapter. */
export function subjectRequestsContract(name: string, factory: StoreFactory): void {
  describe(`Subject request register contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('keeps every field and lists one subject newest first, or everyone', async () => {
      const older = request({ id: 'r1', message: 'what do you hold?' });
      const newer = request({
        id: 'r2',
        kind: 'erasure',
        receivedAt: '2025-05-21T08:00:00.000Z',
      });
      const other = request({ id: 'r3', subject: 's2' });
      for (const r of [older, newer, other]) await store.createSubjectRequest(r);
      expect(await store.subjectRequests('s1')).toEqual([newer, older]);
      expect(await store.subjectRequests('nobody')).toEqual([]);
      expect((await store.subjectRequests()).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);
    });

    it('updates status and answer, stamping the answer time, and ignores an unknown id', async () => {
      await store.createSubjectRequest(request({ id: 'r1' }));
      const progressing = await store.updateSubjectRequest('r1', {
        status: 'in_progress',
        answer: undefined,
      });
      expect(progressing).toMatchObject({ status: 'in_progress', answeredAt: undefined });
      const answered = await store.updateSubjectRequest('r1', {
        status: 'answered',
        answer: 'nothing held',
      });
      expect(answered).toMatchObject({ status: 'answered', answer: 'nothing held' });
      expect(Number.isNaN(Date.parse(answered!.answeredAt!))).toBe(false);
      expect(await store.updateSubjectRequest('nope', { status: 'rejected', answer: 'x' })).toBe(
        undefined,
      );
    });
  });
}
