import type { Assignment, AssignmentRules, ReviewAnswer, StoredAnswer } from '../review/model.js';
import type { ReviewWork, TaskChange } from '../review/review-store.js';
import { type Candidate, dayStart, exposureReached, pickTask } from '../review/rules.js';
import { guard, optional } from './guard.js';
import { exposureSince } from './review-exposure.js';
import { endAssignment, lockTask, setStatus } from './review-locks.js';
import { toAssignment } from './review-rows.js';
import type { Db, Trx } from './review-tables.js';

// Candidates read per round while looking for one the reviewer may take.
const CANDIDATE_PAGE = 100;

export function reviewWork(db: Db): ReviewWork {
  return {
    assignNext(
      reviewer: string,
      rules: AssignmentRules,
      now: Date,
    ): Promise<Assignment | undefined> {
      const nowMs = now.getTime();
      return guard('assigning a review task', () =>
        db.transaction().execute(async (trx) => {
          // The lock first (see migration 0009): everything below sees every earlier assignment.
          await trx
            .updateTable('review_state')
            .set((eb) => ({ assignments: eb('assignments', '+', 1) }))
            .where('id', '=', 1)
            .execute();
          const held = await trx
            .selectFrom('review_assignments as a')
            .innerJoin('review_tasks as t', 't.id', 'a.task')
            .selectAll('a')
            .where('a.reviewer', '=', reviewer)
            .where('a.state', '=', 'active')
            .where('a.expires_ms', '>', nowMs)
            .where('t.status', '=', 'open')
            .orderBy('a.assigned_ms')
            .executeTakeFirst();
          if (held) return toAssignment(held);

          // Quota and exposure first: a reviewer past either needs no candidates read.
          const since = dayStart(nowMs);
          const today = await assignedSince(trx, reviewer, since);
          if (today >= rules.dailyQuota) return undefined;
          if (exposureReached(await exposureSince(trx, reviewer, since), rules)) return undefined;
          const perSubject = new Map<string, number>();
          if (rules.perSubjectCap !== undefined) {
            const rows = await trx
              .selectFrom('review_assignments as a')
              .innerJoin('review_tasks as t', 't.id', 'a.task')
              .innerJoin('review_items as i', 'i.id', 't.item')
              .select(['i.subject', (eb) => eb.fn.countAll().as('n')])
              .where('a.reviewer', '=', reviewer)
              .where('i.subject', 'is not', null)
              .groupBy('i.subject')
              .execute();
            for (const r of rows) perSubject.set(r.subject!, Number(r.n));
          }
          const load = { id: reviewer, today, perSubject };

          for (let offset = 0; ; offset += CANDIDATE_PAGE) {
            const page = await candidates(trx, reviewer, nowMs, offset);
            const chosen = pickTask(page, load, rules);
            if (chosen) {
              const expiresMs = nowMs + rules.assignmentMinutes * 60_000;
              await trx
                .insertInto('review_assignments')
                .values({
                  task: chosen.id,
                  reviewer,
                  state: 'active',
                  assigned_at: now.toISOString(),
                  assigned_ms: nowMs,
                  expires_ms: expiresMs,
                  ended_at: null,
                })
                .execute();
              return {
                task: chosen.id,
                reviewer,
                state: 'active' as const,
                assignedAt: now.toISOString(),
                expiresAt: new Date(expiresMs).toISOString(),
              };
            }
            if (page.length < CANDIDATE_PAGE) return undefined;
          }
        }),
      );
    },

    async assignment(task: string, reviewer: string): Promise<Assignment | undefined> {
      const row = await guard('reading an assignment', () =>
        db
          .selectFrom('review_assignments')
          .selectAll()
          .where('task', '=', task)
          .where('reviewer', '=', reviewer)
          .executeTakeFirst(),
      );
      return row && toAssignment(row);
    },

    async assignments(task: string): Promise<Assignment[]> {
      const rows = await guard('reading assignments', () =>
        db
          .selectFrom('review_assignments')
          .selectAll()
          .where('task', '=', task)
          .orderBy('assigned_ms')
          .orderBy('reviewer')
          .execute(),
      );
      return rows.map(toAssignment);
    },

    assignedToday(reviewer: string, now: Date): Promise<number> {
      return guard('counting assignments', () =>
        assignedSince(db, reviewer, dayStart(now.getTime())),
      );
    },

    release(task: string, reviewer: string, now: Date): Promise<TaskChange> {
      return guard('releasing an assignment', () =>
        db.transaction().execute(async (trx) => {
          const status = await lockTask(trx, task);
          if (status === undefined) return 'not_found';
          const ended = await endAssignment(trx, task, reviewer, 'released', now);
          return ended ? 'ok' : 'not_assigned';
        }),
      );
    },

    answer(
      task: string,
      reviewer: string,
      answer: ReviewAnswer,
      now: Date,
      comment?: string,
    ): Promise<{ outcome: TaskChange; done: boolean }> {
      return guard('storing an answer', () =>
        db.transaction().execute(async (trx) => {
          const locked = await lockTask(trx, task);
          if (locked === undefined) return { outcome: 'not_found' as const, done: false };
          if (locked.status !== 'open') return { outcome: 'closed' as const, done: false };
          if (!(await endAssignment(trx, task, reviewer, 'answered', now)))
            return { outcome: 'not_assigned' as const, done: false };
          await trx
            .insertInto('review_answers')
            .values({
              task,
              reviewer,
              answer: JSON.stringify(answer),
              answered_at: now.toISOString(),
              comment: comment ?? null,
            })
            .execute();
          const answered = await trx
            .selectFrom('review_assignments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('task', '=', task)
            .where('state', '=', 'answered')
            .executeTakeFirstOrThrow();
          const done = Number(answered.n) >= locked.k;
          if (done) await setStatus(trx, task, 'done', now);
          return { outcome: 'ok' as const, done };
        }),
      );
    },

    async answers(task: string): Promise<StoredAnswer[]> {
      const rows = await guard('reading answers', () =>
        db
          .selectFrom('review_answers')
          .selectAll()
          .where('task', '=', task)
          .orderBy('answered_at')
          .orderBy('reviewer')
          .execute(),
      );
      return rows.map((r) => ({
        task: r.task,
        reviewer: r.reviewer,
        answer: JSON.parse(r.answer) as ReviewAnswer,
        ...optional('comment', r.comment),
        answeredAt: r.answered_at,
      }));
    },
  };
}

/** Open tasks the reviewer never had and that have room, oldest first, a page at a time. */
async function candidates(
  trx: Trx,
  reviewer: string,
  nowMs: number,
  offset: number,
): Promise<Candidate[]> {
  const rows = await trx
    .selectFrom('review_tasks as t')
    .innerJoin('review_items as i', 'i.id', 't.item')
    .select((eb) => [
      't.id',
      't.k',
      'i.subject',
      eb
        .selectFrom('review_assignments as a')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('a.task', '=', 't.id')
        .where((e) =>
          e.or([
            e('a.state', '=', 'answered'),
            e.and([e('a.state', '=', 'active'), e('a.expires_ms', '>', nowMs)]),
          ]),
        )
        .as('taken'),
    ])
    .where('t.status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('review_assignments as b')
            .select('b.task')
            .whereRef('b.task', '=', 't.id')
            .where('b.reviewer', '=', reviewer),
        ),
      ),
    )
    .orderBy('t.created_ms')
    .orderBy('t.id')
    .limit(CANDIDATE_PAGE)
    .offset(offset)
    .execute();
  // Candidates are fetched by status and reviewer only; `pickTask` applies k and the caps, so
  // the rule lives in one place and is the one the property tests check.
  return rows.map((r) => ({
    id: r.id,
    k: Number(r.k),
    taken: Number(r.taken),
    reviewers: [],
    subject: r.subject ?? undefined,
  }));
}

/** How many assignments the reviewer took since `sinceMs`. */
async function assignedSince(db: Db | Trx, reviewer: string, sinceMs: number): Promise<number> {
  const row = await db
    .selectFrom('review_assignments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('reviewer', '=', reviewer)
    .where('assigned_ms', '>=', sinceMs)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
