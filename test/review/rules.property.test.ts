import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnmaskRequest } from '../../src/review/model.js';
import {
  type Candidate,
  canApprove,
  dayStart,
  ineligible,
  mayUnmask,
  pickTask,
  type ReviewerLoad,
  unmaskStatus,
} from '../../src/review/rules.js';

const reviewerIds = ['st_a', 'st_b', 'st_c', 'st_d'];
const subjects = ['s1', 's2', 's3'];

const candidate: fc.Arbitrary<Candidate> = fc.record({
  id: fc.uuid(),
  k: fc.integer({ min: 1, max: 4 }),
  taken: fc.integer({ min: 0, max: 5 }),
  reviewers: fc.uniqueArray(fc.constantFrom(...reviewerIds), { maxLength: 4 }),
  subject: fc.option(fc.constantFrom(...subjects), { nil: undefined }),
});

const load: fc.Arbitrary<ReviewerLoad> = fc.record({
  id: fc.constantFrom(...reviewerIds),
  today: fc.integer({ min: 0, max: 6 }),
  perSubject: fc
    .array(fc.tuple(fc.constantFrom(...subjects), fc.integer({ min: 0, max: 4 })))
    .map((pairs) => new Map(pairs)),
});

const rules = fc.record({
  dailyQuota: fc.integer({ min: 1, max: 6 }),
  perSubjectCap: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

describe('pickTask', () => {
  it('never picks a task the reviewer had, a full task, or one over the subject cap or quota', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), load, rules, (tasks, reviewer, r) => {
        const chosen = pickTask(tasks, reviewer, r);
        if (chosen === undefined) return;
        expect(chosen.reviewers).not.toContain(reviewer.id);
        expect(chosen.taken).toBeLessThan(chosen.k);
        expect(reviewer.today).toBeLessThan(r.dailyQuota);
        if (r.perSubjectCap !== undefined && chosen.subject !== undefined)
          expect(reviewer.perSubject.get(chosen.subject) ?? 0).toBeLessThan(r.perSubjectCap);
      }),
    );
  });

  it('picks the first eligible task whenever there is one and the quota allows', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), load, rules, (tasks, reviewer, r) => {
        const eligible = tasks.filter((t) => ineligible(t, reviewer, r) === undefined);
        const chosen = pickTask(tasks, reviewer, r);
        if (reviewer.today >= r.dailyQuota) expect(chosen).toBeUndefined();
        else expect(chosen).toBe(eligible[0]);
      }),
    );
  });

  it('handing out tasks one by one never gives a task more than k reviewers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...reviewerIds), { maxLength: 30 }),
        (ks, requests) => {
          const tasks = ks.map((k, i) => ({
            id: `t${i}`,
            k,
            taken: 0,
            reviewers: [] as string[],
            subject: undefined,
          }));
          for (const id of requests) {
            const chosen = pickTask(
              tasks,
              { id, today: 0, perSubject: new Map() },
              { dailyQuota: 100, perSubjectCap: undefined },
            );
            if (!chosen) continue;
            chosen.taken++;
            chosen.reviewers.push(id);
          }
          for (const t of tasks) {
            expect(t.taken).toBeLessThanOrEqual(t.k);
            expect(new Set(t.reviewers).size).toBe(t.reviewers.length);
          }
        },
      ),
    );
  });
});

describe('dayStart', () => {
  it('is the UTC midnight at or before the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const start = dayStart(ms);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(86_400_000);
        expect(new Date(start).toISOString()).toMatch(/T00:00:00\.000Z$/);
      }),
    );
  });
});

describe('unmask rules', () => {
  const request = (over: Partial<UnmaskRequest> = {}): UnmaskRequest => ({
    id: 'ru_1',
    task: 'rt_1',
    requester: 'st_a',
    justification: 'x'.repeat(30),
    approvers: [],
    createdAt: '2026-01-01T00:00:00Z',
    approvedAt: undefined,
    expiresAt: undefined,
    ...over,
  });

  it('lets neither the requester nor an approver approve twice, nor anyone once decided', () => {
    expect(canApprove(request(), 'st_a')).toBe('requester');
    expect(canApprove(request({ approvers: ['st_b'] }), 'st_b')).toBe('already_approved');
    expect(canApprove(request({ approvers: ['st_b'] }), 'st_c')).toBe('ok');
    expect(
      canApprove(
        request({ approvedAt: '2026-01-01T00:01:00Z', expiresAt: '2026-01-01T00:31:00Z' }),
        'st_d',
      ),
    ).toBe('decided');
  });

  it('is approved only until it expires, and only for its requester', () => {
    const approved = request({
      approvers: ['st_b', 'st_c'],
      approvedAt: '2026-01-01T00:01:00Z',
      expiresAt: '2026-01-01T00:31:00Z',
    });
    const before = Date.parse('2026-01-01T00:30:59Z');
    const after = Date.parse('2026-01-01T00:31:00Z');
    expect(unmaskStatus(request(), before)).toBe('pending');
    expect(unmaskStatus(approved, before)).toBe('approved');
    expect(unmaskStatus(approved, after)).toBe('expired');
    expect(mayUnmask(approved, 'st_a', before)).toBe(true);
    expect(mayUnmask(approved, 'st_b', before)).toBe(false);
    expect(mayUnmask(approved, 'st_a', after)).toBe(false);
  });
});
