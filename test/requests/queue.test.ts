import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  openRequestsByDeadline,
  SUBJECT_REQUEST_STATUSES,
  type SubjectRequest,
} from '../../src/consent/subject-requests.js';
import { openRequestsPage } from '../../src/requests/index.js';

const DAY = 86_400_000;

const requestArb = fc.record({
  id: fc.uuid(),
  status: fc.constantFrom(...SUBJECT_REQUEST_STATUSES),
  // Few distinct deadlines, so ties (ordered by id) are common.
  day: fc.integer({ min: 0, max: 4 }),
});

function toRequests(rows: { id: string; status: SubjectRequest['status']; day: number }[]) {
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map(
      (r): SubjectRequest => ({
        id: r.id,
        subject: 's',
        kind: 'access',
        status: r.status,
        message: undefined,
        receivedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
        deadline: new Date(Date.UTC(2026, 1, 1) + r.day * DAY).toISOString(),
        answer: undefined,
        answeredAt: undefined,
      }),
    );
}

const storeOf = (requests: SubjectRequest[]) => ({ subjectRequests: async () => requests });

describe('openRequestsPage', () => {
  it('walks every open request once, in deadline order, whatever the page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (rows, limit) => {
          const requests = toRequests(rows);
          const store = storeOf(requests);
          const walked: string[] = [];
          let after: string | undefined;
          for (;;) {
            const page = await openRequestsPage(store, { after, limit });
            expect(page.requests.length).toBeLessThanOrEqual(limit);
            walked.push(...page.requests.map((r) => r.id));
            if (page.nextCursor === null) break;
            after = page.nextCursor;
          }
          expect(walked).toEqual(openRequestsByDeadline(requests).map((r) => r.id));
        },
      ),
    );
  });

  it('keeps its place when the request under the cursor was closed meanwhile', async () => {
    const requests = toRequests([
      { id: '00000000-0000-4000-8000-000000000001', status: 'received', day: 1 },
      { id: '00000000-0000-4000-8000-000000000002', status: 'received', day: 2 },
      { id: '00000000-0000-4000-8000-000000000003', status: 'received', day: 3 },
    ]);
    const first = await openRequestsPage(storeOf(requests), { limit: 2 });
    expect(first.nextCursor).toBe('00000000-0000-4000-8000-000000000002');
    const closed = requests.map((r) =>
      r.id === first.nextCursor ? { ...r, status: 'answered' as const } : r,
    );
    const next = await openRequestsPage(storeOf(closed), { after: first.nextCursor!, limit: 2 });
    expect(next.requests.map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
    await expect(
      openRequestsPage(storeOf(closed), {
        after: '00000000-0000-4000-8000-00000000000f',
        limit: 2,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
