import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newItemId, newTaskId } from '../../src/review/ids.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import type { NewReviewItem } from '../../src/review/review-store.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const staff = (n: number) => `st_${n.toString(16).padStart(16, '0')}`;
const subjectA = 'a'.repeat(64);

let counter = 0;
function newItem(over: Partial<NewReviewItem> = {}): NewReviewItem {
  return {
    id: newItemId(),
    recordKey: `key-${counter}-${Math.random()}`,
    recordId: `rec-${counter++}`,
    kind: 'audio',
    subject: subjectA,
    needsConsent: false,
    view: {
      kind: 'audio',
      words: [{ text: '[PERSON_1]', start: 0, end: 0.5 }],
      ranges: [],
      labels: DEFAULT_LABELS,
    },
    derivedMedia: 'derived/x.wav',
    raw: { record: { id: 'r1', text: 'Anna' }, media: 'raw/x.wav' },
    createdAt: T0.toISOString(),
    ...over,
  };
}

/** The review store's behaviour on every adapter. */
export function reviewContract(name: string, factory: StoreFactory): void {
  describe(`Review store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    async function queue(k = 2, over: Partial<NewReviewItem> = {}) {
      const item = newItem(over);
      const task = newTaskId();
      expect(await store.review.enqueue(item, { id: task, k })).toBe(true);
      return { item, task };
    }

    it('queues an item once, keeping the view apart from the raw part', async () => {
      const item = newItem();
      const task = newTaskId();
      expect(await store.review.enqueue(item, { id: task, k: 3 })).toBe(true);
      expect(
        await store.review.enqueue({ ...item, id: newItemId() }, { id: newTaskId(), k: 1 }),
      ).toBe(false);
      expect(await store.review.item(item.id)).toEqual({
        id: item.id,
        kind: 'audio',
        subject: subjectA,
        needsConsent: false,
        view: item.view,
        derivedMedia: 'derived/x.wav',
        createdAt: T0.toISOString(),
        rawDeletedAt: undefined,
        derivedDeletedAt: undefined,
      });
      expect(await store.review.rawPart(item.id)).toEqual(item.raw);
      expect(await store.review.task(task)).toEqual({
        id: task,
        item: item.id,
        status: 'open',
        k: 3,
        createdAt: T0.toISOString(),
      });
      expect(await store.review.tasksOf(item.id)).toHaveLength(1);
      expect(await store.review.item('ri_none')).toBeUndefined();
    });

    it('assigns each task to at most k distinct reviewers, oldest first, and gives a held one back', async () => {
      const first = await queue(2);
      const second = await queue(1, { createdAt: at(1).toISOString() });
      const a1 = await store.review.assignNext(staff(1), DEFAULT_RULES, at(2));
      expect(a1).toMatchObject({ task: first.task, reviewer: staff(1), state: 'active' });
      expect(a1!.expiresAt).toBe(at(2 + DEFAULT_RULES.assignmentMinutes).toISOString());
      expect((await store.review.assignNext(staff(1), DEFAULT_RULES, at(3)))!.task).toBe(
        first.task,
      );
      expect((await store.review.assignNext(staff(2), DEFAULT_RULES, at(3)))!.task).toBe(
        first.task,
      );
      expect((await store.review.assignNext(staff(3), DEFAULT_RULES, at(3)))!.task).toBe(
        second.task,
      );
      expect(await store.review.assignNext(staff(4), DEFAULT_RULES, at(3))).toBeUndefined();
      // Once staff 1's assignment runs out, the slot is free again, but never for staff 1.
      const later = at(2 + DEFAULT_RULES.assignmentMinutes + 0.5);
      expect(await store.review.assignNext(staff(1), DEFAULT_RULES, later)).toBeUndefined();
      expect((await store.review.assignNext(staff(4), DEFAULT_RULES, later))!.task).toBe(
        first.task,
      );
      expect(await store.review.assignments(first.task)).toHaveLength(3);
    });

    it('never exceeds k when many reviewers ask at once', async () => {
      const tasks = [await queue(2), await queue(2), await queue(2)];
      const got = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.review.assignNext(staff(i + 1), DEFAULT_RULES, at(1)),
        ),
      );
      expect(got.filter((a) => a !== undefined)).toHaveLength(6);
      for (const { task } of tasks) expect(await store.review.assignments(task)).toHaveLength(2);
    });

    it('honours the daily quota and the per-subject cap', async () => {
      await queue(1);
      await queue(1, { createdAt: at(0.1).toISOString() });
      await queue(1, { subject: 'b'.repeat(64), createdAt: at(0.2).toISOString() });
      const rules = { ...DEFAULT_RULES, dailyQuota: 2, perSubjectCap: 1 };
      const a = await store.review.assignNext(staff(1), rules, at(1));
      await store.review.answer(
        a!.task,
        staff(1),
        { labels: { transcript_quality: 'correct' } },
        at(2),
      );
      // The second item of subject A is skipped for the one of subject B.
      const b = await store.review.assignNext(staff(1), rules, at(3));
      expect((await store.review.item((await store.review.task(b!.task))!.item))!.subject).toBe(
        'b'.repeat(64),
      );
      await store.review.release(b!.task, staff(1), at(4));
      await queue(1, { subject: 'c'.repeat(64) });
      expect(await store.review.assignNext(staff(1), rules, at(5))).toBeUndefined();
      // A new UTC day, a new quota.
      expect(await store.review.assignNext(staff(1), rules, at(24 * 60))).toBeDefined();
    });

    it('stores answers under an active assignment and completes the task at k', async () => {
      const { task } = await queue(2);
      const answer = { transcript: 'hello', labels: { transcript_quality: 'correct' } };
      expect(await store.review.answer(task, staff(1), answer, at(1))).toEqual({
        outcome: 'not_assigned',
        done: false,
      });
      await store.review.assignNext(staff(1), DEFAULT_RULES, at(1));
      await store.review.assignNext(staff(2), DEFAULT_RULES, at(1));
      expect(await store.review.answer(task, staff(1), answer, at(2))).toEqual({
        outcome: 'ok',
        done: false,
      });
      expect(await store.review.answer(task, staff(1), answer, at(2))).toMatchObject({
        outcome: 'not_assigned',
      });
      // An expired assignment cannot answer.
      expect(await store.review.answer(task, staff(2), answer, at(100))).toMatchObject({
        outcome: 'not_assigned',
      });
      await store.review.assignNext(staff(3), DEFAULT_RULES, at(100));
      expect(await store.review.answer(task, staff(3), answer, at(101))).toEqual({
        outcome: 'ok',
        done: true,
      });
      expect((await store.review.task(task))!.status).toBe('done');
      expect(await store.review.answer(task, staff(3), answer, at(102))).toMatchObject({
        outcome: 'closed',
      });
      expect((await store.review.answers(task)).map((a) => a.reviewer)).toEqual([
        staff(1),
        staff(3),
      ]);
      expect(await store.review.answer('rt_none', staff(3), answer, at(102))).toMatchObject({
        outcome: 'not_found',
      });
    });

    it('moves a flagged task to trust_safety and resolves flags', async () => {
      const { task } = await queue(2);
      await store.review.assignNext(staff(1), DEFAULT_RULES, at(1));
      await store.review.assignNext(staff(2), DEFAULT_RULES, at(1));
      const flag = { id: 'rf_1', task, reviewer: staff(1), category: 'threat' as const, note: 'x' };
      expect(await store.review.flag(flag, at(2))).toBe('ok');
      expect((await store.review.task(task))!.status).toBe('flagged');
      expect((await store.review.assignment(task, staff(2)))!.state).toBe('released');
      expect(await store.review.flag({ ...flag, id: 'rf_2', reviewer: staff(2) }, at(2))).toBe(
        'closed',
      );
      expect(await store.review.assignNext(staff(3), DEFAULT_RULES, at(3))).toBeUndefined();
      expect((await store.review.flags('open')).map((f) => f.id)).toEqual(['rf_1']);
      const resolved = await store.review.resolveFlag('rf_1', staff(9), 'requeue', at(4));
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolution: 'requeue',
        resolvedBy: staff(9),
      });
      expect(await store.review.resolveFlag('rf_1', staff(9), 'remove', at(4))).toBeUndefined();
      expect((await store.review.task(task))!.status).toBe('open');
      expect((await store.review.assignNext(staff(3), DEFAULT_RULES, at(5)))!.task).toBe(task);
      await store.review.flag({ ...flag, id: 'rf_3', reviewer: staff(3) }, at(6));
      await store.review.resolveFlag('rf_3', staff(9), 'remove', at(7));
      expect((await store.review.task(task))!.status).toBe('removed');
      expect(await store.review.getFlag('rf_3')).toMatchObject({ category: 'threat', note: 'x' });
    });

    it('keeps an answer comment with the answer and a resolution note with the flag', async () => {
      const { task } = await queue(2);
      await store.review.assignNext(staff(1), DEFAULT_RULES, at(1));
      await store.review.assignNext(staff(2), DEFAULT_RULES, at(1));
      await store.review.assignNext(staff(3), DEFAULT_RULES, at(1));
      const answer = { labels: { transcript_quality: 'minor_errors' } };
      // Plain text as given: quotes, markup-like text, line breaks and non-ASCII survive as is.
      const comment = `"Ä" <b>not markup</b>\n'; drop table review_answers; --${'x'.repeat(1_940)}`;
      expect(comment.length).toBeLessThanOrEqual(2_000);
      await store.review.answer(task, staff(1), answer, at(2), comment);
      await store.review.answer(task, staff(2), answer, at(3));
      const answers = await store.review.answers(task);
      expect(answers).toEqual([
        { task, reviewer: staff(1), answer, comment, answeredAt: at(2).toISOString() },
        { task, reviewer: staff(2), answer, answeredAt: at(3).toISOString() },
      ]);
      expect('comment' in answers[1]!).toBe(false);

      const { task: other } = await queue(1);
      await store.review.assignNext(staff(4), DEFAULT_RULES, at(4));
      const flag = { task: other, reviewer: staff(4), category: 'other' as const };
      expect(await store.review.flag({ ...flag, id: 'rf_n1' }, at(5))).toBe('ok');
      expect((await store.review.getFlag('rf_n1'))!.resolvedNote).toBeUndefined();
      const note = 'Reported to the hotline, case 4711.\nNo further action.';
      const resolved = await store.review.resolveFlag('rf_n1', staff(9), 'remove', at(6), note);
      expect(resolved).toMatchObject({ status: 'resolved', resolvedNote: note });
      expect(await store.review.getFlag('rf_n1')).toMatchObject({ resolvedNote: note });
      expect((await store.review.flags('resolved')).find((f) => f.id === 'rf_n1')).toMatchObject({
        resolvedNote: note,
      });
      // A second resolution changes nothing, note included.
      expect(await store.review.resolveFlag('rf_n1', staff(8), 'requeue', at(7), 'other')).toBe(
        undefined,
      );
      expect((await store.review.getFlag('rf_n1'))!.resolvedNote).toBe(note);
      // Resolved without a note: none stored.
      const { task: third } = await queue(1);
      await store.review.assignNext(staff(6), DEFAULT_RULES, at(8));
      expect(
        await store.review.flag({ ...flag, task: third, reviewer: staff(6), id: 'rf_n2' }, at(9)),
      ).toBe('ok');
      const bare = await store.review.resolveFlag('rf_n2', staff(9), 'requeue', at(10));
      expect(bare!.resolvedNote).toBeUndefined();
      expect('resolvedNote' in bare!).toBe(false);
    });

    it('needs two approvals from staff other than the requester to unmask', async () => {
      const { task } = await queue(1);
      await store.review.createUnmask({
        id: 'ru_1',
        task,
        requester: staff(1),
        justification: 'imminent harm reported in the recording',
        createdAt: at(0).toISOString(),
      });
      expect((await store.review.approveUnmask('ru_1', staff(1), at(1), 30)).outcome).toBe(
        'requester',
      );
      expect((await store.review.approveUnmask('ru_1', staff(2), at(1), 30)).request).toMatchObject(
        {
          approvers: [staff(2)],
          approvedAt: undefined,
        },
      );
      expect((await store.review.approveUnmask('ru_1', staff(2), at(2), 30)).outcome).toBe(
        'already_approved',
      );
      const approved = await store.review.approveUnmask('ru_1', staff(3), at(2), 30);
      expect(approved.outcome).toBe('ok');
      expect(approved.request).toMatchObject({
        approvers: [staff(2), staff(3)],
        approvedAt: at(2).toISOString(),
        expiresAt: at(32).toISOString(),
      });
      expect((await store.review.approveUnmask('ru_1', staff(4), at(3), 30)).outcome).toBe(
        'decided',
      );
      expect((await store.review.approveUnmask('ru_none', staff(4), at(3), 30)).outcome).toBe(
        'not_found',
      );
      expect(await store.review.getUnmask('ru_1')).toEqual(approved.request);
    });

    it('finds parts past retention, sparing open or flagged tasks and legal holds', async () => {
      const done = await queue(1);
      const open = await queue(1);
      const heldItem = await queue(1, { subject: 'c'.repeat(64) });
      const heldSubject = await queue(1, { subject: 'd'.repeat(64) });
      for (const t of [done, heldItem, heldSubject]) await store.review.removeTask(t.task, at(1));
      await store.review.addHold({
        id: 'lh_1',
        item: heldItem.item.id,
        subject: undefined,
        reason: 'court order',
        createdBy: staff(5),
        createdAt: at(1).toISOString(),
      });
      await store.review.addHold({
        id: 'lh_2',
        item: undefined,
        subject: 'd'.repeat(64),
        reason: 'investigation',
        createdBy: staff(5),
        createdAt: at(1).toISOString(),
      });
      const cutoff = at(10).getTime();
      expect(await store.review.rawDue(cutoff)).toEqual([done.item.id]);
      expect(await store.review.rawDue(T0.getTime())).toEqual([]);
      expect(new Set(await store.review.derivedDue(cutoff))).toEqual(
        new Set([done.item.id, open.item.id]),
      );
      expect(await store.review.releaseHold('lh_2', staff(5), at(2))).toMatchObject({
        releasedBy: staff(5),
      });
      expect(await store.review.releaseHold('lh_2', staff(5), at(2))).toBeUndefined();
      expect((await store.review.holds({ active: true })).map((h) => h.id)).toEqual(['lh_1']);
      expect(new Set(await store.review.rawDue(cutoff))).toEqual(
        new Set([done.item.id, heldSubject.item.id]),
      );

      expect(await store.review.markDeleted(done.item.id, 'raw', at(11))).toBe(true);
      expect(await store.review.markDeleted(done.item.id, 'raw', at(11))).toBe(false);
      expect(await store.review.rawPart(done.item.id)).toEqual({
        record: undefined,
        media: undefined,
      });
      expect((await store.review.item(done.item.id))!.rawDeletedAt).toBe(at(11).toISOString());
      // Deleting the derivatives takes the open task off the queue and ends who held it.
      expect((await store.review.assignNext(staff(3), DEFAULT_RULES, at(11)))!.task).toBe(
        open.task,
      );
      expect(await store.review.markDeleted(open.item.id, 'derived', at(11))).toBe(true);
      expect(await store.review.markDeleted(open.item.id, 'derived', at(11))).toBe(false);
      expect((await store.review.assignment(open.task, staff(3)))!.state).toBe('released');
      const item = (await store.review.item(open.item.id))!;
      expect(item.view).toBeUndefined();
      expect(item.derivedMedia).toBeUndefined();
      expect((await store.review.task(open.task))!.status).toBe('removed');
    });

    it('counts the queue', async () => {
      await queue(1);
      const t = await queue(1);
      await queue(1);
      await store.review.removeTask(t.task, at(1));
      await store.review.assignNext(staff(1), DEFAULT_RULES, at(1));
      expect(await store.review.queueCounts(at(2))).toEqual({
        open: 2,
        flagged: 0,
        done: 0,
        removed: 1,
        assigned: 1,
      });
      expect((await store.review.queueCounts(at(1000))).assigned).toBe(0);
    });

    it('counts exposure once per task and member, per UTC day, and stops assigning at the limit', async () => {
      const a = await queue(2);
      const b = await queue(2, { createdAt: at(0.1).toISOString() });
      const c = await queue(2, { createdAt: at(0.2).toISOString() });
      const rules = { ...DEFAULT_RULES, exposureMinutes: 1 };
      expect(await store.review.exposureToday(staff(1), at(1))).toBe(0);
      const first = await store.review.assignNext(staff(1), rules, at(1));
      expect(first!.task).toBe(a.task);
      const exposure = { reviewer: staff(1), task: a.task, kind: 'audio' as const };
      expect(await store.review.recordExposure({ ...exposure, ms: 45_500, at: at(2) })).toBe(true);
      // A second redemption of the same task's copy counts nothing.
      expect(await store.review.recordExposure({ ...exposure, ms: 45_500, at: at(3) })).toBe(false);
      expect(await store.review.exposureToday(staff(1), at(3))).toBe(45_500);
      await store.review.answer(
        a.task,
        staff(1),
        { labels: { transcript_quality: 'correct' } },
        at(4),
      );
      const second = await store.review.assignNext(staff(1), rules, at(5));
      expect(second!.task).toBe(b.task);
      expect(
        await store.review.recordExposure({
          reviewer: staff(1),
          task: b.task,
          kind: 'image',
          ms: 15_000,
          at: at(6),
        }),
      ).toBe(true);
      expect(await store.review.exposureToday(staff(1), at(6))).toBe(60_500);
      // At the limit: the task held is still handed back, but nothing new.
      expect((await store.review.assignNext(staff(1), rules, at(7)))!.task).toBe(b.task);
      await store.review.release(b.task, staff(1), at(8));
      expect(await store.review.assignNext(staff(1), rules, at(9))).toBeUndefined();
      // Others are not held back by it; the next UTC day starts from zero.
      expect((await store.review.assignNext(staff(2), rules, at(9)))!.task).toBe(a.task);
      const tomorrow = new Date(Date.UTC(2026, 2, 3, 0, 0, 1));
      expect(await store.review.exposureToday(staff(1), tomorrow)).toBe(0);
      expect((await store.review.assignNext(staff(1), rules, tomorrow))!.task).toBe(c.task);

      // Today's figures by staff id: members who took a task, with or without exposure.
      expect(await store.review.exposureByReviewer(at(10))).toEqual(
        new Map([
          [staff(1), 60_500],
          [staff(2), 0],
        ]),
      );
      expect(await store.review.exposureByReviewer(tomorrow)).toEqual(new Map([[staff(1), 0]]));
    });

    it('reads answers out for export, a page at a time, by status and answer time', async () => {
      const a = await queue(2, { recordId: 'rec-a', createdAt: at(-3).toISOString() });
      const b = await queue(1, { recordId: 'rec-b', createdAt: at(-2).toISOString() });
      const c = await queue(1, { recordId: 'rec-c', createdAt: at(-1).toISOString() });
      const answerNext = async (who: number, minute: number, labels: Record<string, string>) => {
        const got = await store.review.assignNext(staff(who), DEFAULT_RULES, at(minute));
        expect(got).toBeDefined();
        const res = await store.review.answer(got!.task, staff(who), { labels }, at(minute), 'ok');
        expect(res.outcome).toBe('ok');
        return got!.task;
      };
      // Tasks are handed out oldest first: a, then b (to staff 1); a to staff 2.
      expect(await answerNext(1, 1, { transcript_quality: 'correct' })).toBe(a.task);
      expect(await answerNext(1, 2, { transcript_quality: 'unusable' })).toBe(b.task);
      expect(await answerNext(2, 5, { transcript_quality: 'minor_errors' })).toBe(a.task);
      expect(await store.review.removeTask(c.task, at(6))).toBe(true);

      const done = await store.review.exportPage({ statuses: ['done'], limit: 10 });
      expect(done.map((t) => t.task.id)).toEqual([a.task, b.task].sort());
      const first = done.find((t) => t.task.id === a.task)!;
      expect(first).toMatchObject({
        recordId: 'rec-a',
        kind: 'audio',
        labels: DEFAULT_LABELS,
        updatedAt: at(5).toISOString(),
      });
      expect(first.answers.map((x) => [x.reviewer, x.answer.labels, x.comment])).toEqual([
        [staff(1), { transcript_quality: 'correct' }, 'ok'],
        [staff(2), { transcript_quality: 'minor_errors' }, 'ok'],
      ]);

      // Paging by task id covers every task once.
      const one = await store.review.exportPage({ statuses: ['done'], limit: 1 });
      const two = await store.review.exportPage({
        statuses: ['done'],
        limit: 1,
        after: one[0]!.task.id,
      });
      expect([...one, ...two].map((t) => t.task.id)).toEqual(done.map((t) => t.task.id));
      expect(
        await store.review.exportPage({ statuses: ['done'], limit: 1, after: two[0]!.task.id }),
      ).toEqual([]);

      // Since: only tasks with an answer at or after the time (all their answers).
      const recent = await store.review.exportPage({
        statuses: ['done'],
        since: at(3).toISOString(),
        limit: 10,
      });
      expect(recent.map((t) => [t.task.id, t.answers.length])).toEqual([[a.task, 2]]);
      expect(
        (await store.review.exportPage({ statuses: ['removed'], limit: 10 })).map((t) => [
          t.task.id,
          t.answers,
        ]),
      ).toEqual([[c.task, []]]);
      expect(await store.review.exportPage({ statuses: [], limit: 10 })).toEqual([]);
    });

    it('refreshes a running idempotent claim, so it is taken over only once refreshes stop', async () => {
      const r = store.review;
      const min = (m: number) => new Date(T0.getTime() + m * 60_000).toISOString();
      const key = { keySha256: 'a'.repeat(64), requestSha256: 'b'.repeat(64) };
      expect(await r.claimItemRequest({ ...key, at: min(0) })).toEqual({ state: 'claimed' });
      // Refreshed each minute for 20 minutes: never abandoned, a retry sees it running.
      for (let m = 1; m <= 20; m++)
        expect(
          await r.refreshItemRequest({ keySha256: key.keySha256, at: min(m - 1) }, min(m)),
        ).toBe(true);
      expect(await r.claimItemRequest({ ...key, at: min(24) })).toEqual({
        state: 'running',
        requestSha256: key.requestSha256,
      });
      // Known by its latest time only: the old time no longer names it.
      expect(await r.refreshItemRequest({ keySha256: key.keySha256, at: min(0) }, min(24))).toBe(
        false,
      );
      // Five minutes without a refresh: a retry takes it over, and the old claim's refresh and
      // answer are refused.
      expect(await r.claimItemRequest({ ...key, at: min(26) })).toEqual({ state: 'claimed' });
      expect(await r.refreshItemRequest({ keySha256: key.keySha256, at: min(20) }, min(27))).toBe(
        false,
      );
      expect(await r.answerItemRequest({ keySha256: key.keySha256, at: min(20) }, '{}')).toBe(
        false,
      );
      // The new holder answers; an answered claim is not refreshed any more.
      expect(await r.answerItemRequest({ keySha256: key.keySha256, at: min(26) }, '{"a":1}')).toBe(
        true,
      );
      expect(await r.refreshItemRequest({ keySha256: key.keySha256, at: min(26) }, min(27))).toBe(
        false,
      );
      expect(await r.claimItemRequest({ ...key, at: min(28) })).toEqual({
        state: 'answered',
        requestSha256: key.requestSha256,
        response: '{"a":1}',
      });
      // A released claim is gone: nothing to refresh.
      const other = { keySha256: 'c'.repeat(64), requestSha256: 'd'.repeat(64) };
      expect(await r.claimItemRequest({ ...other, at: min(0) })).toEqual({ state: 'claimed' });
      await r.releaseItemRequest({ keySha256: other.keySha256, at: min(0) });
      expect(await r.refreshItemRequest({ keySha256: other.keySha256, at: min(0) }, min(1))).toBe(
        false,
      );
    });
  });
}
