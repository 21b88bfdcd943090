import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  openRequestsByDeadline,
  SUBJECT_REQUEST_STATUSES,
  type SubjectRequest,
} from '../../src/consent/subject-requests.js';
import { openRequestsPage } from '../../src/requests/index.js';
import { encodeCursor } from '../../src/review/page.js';

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
          let cursor: string | undefined;
          for (;;) {
            const page = await openRequestsPage(store, { cursor, limit });
            expect(page.requests.length).toBeLessThanOrEqual(limit);
            walked.push(...page.requests.map((r) => r.id));
            if (page.nextCursor === null) break;
            cursor = page.nextCursor;
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
    // The cursor is opaque (review/page.ts), holding the id of the page's last request.
    expect(first.nextCursor).toBe(encodeCursor(['00000000-0000-4000-8000-000000000002']));
    const closed = requests.map((r) =>
      r.id === '00000000-0000-4000-8000-000000000002' ? { ...r, status: 'answered' as const } : r,
    );
    const next = await openRequestsPage(storeOf(closed), { cursor: first.nextCursor!, limit: 2 });
    expect(next.requests.map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
    await expect(
      openRequestsPage(storeOf(closed), {
        cursor: encodeCursor(['00000000-0000-4000-8000-00000000000f']),
        limit: 2,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    // A cursor this list did not give (the bare id of the old form) is refused too.
    await expect(
      openRequestsPage(storeOf(closed), {
        cursor: '00000000-0000-4000-8000-000000000002',
        limit: 2,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
