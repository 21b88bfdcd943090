import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import type {
  Assignment,
  AssignmentRules,
  AssignmentState,
  FlagCategory,
  FlagResolution,
  LegalHold,
  RawPart,
  ReviewAnswer,
  ReviewFlag,
  ReviewItem,
  ReviewKind,
  ReviewTask,
  ReviewView,
  StoredAnswer,
  TaskStatus,
  UnmaskRequest,
} from '../review/model.js';
import {
  type Candidate,
  canApprove,
  dayStart,
  exposureReached,
  pickTask,
  UNMASK_APPROVALS,
} from '../review/rules.js';
import { guard, insertedAny, optional } from './guard.js';
import type { Database } from './schema.js';

/** An item to queue, with its raw part; `recordKey` (SHA-256 of the record id) keeps it unique. */
export interface NewReviewItem {
  readonly id: string;
  readonly recordKey: string;
  readonly kind: ReviewKind;
  readonly subject: string | undefined;
  readonly needsConsent: boolean;
  readonly view: ReviewView;
  readonly derivedMedia: string | undefined;
  readonly raw: RawPart;
  readonly createdAt: string;
}

export type TaskChange = 'ok' | 'not_found' | 'closed' | 'not_assigned';

export interface QueueCounts {
  readonly open: number;
  readonly flagged: number;
  readonly done: number;
  readonly removed: number;
  /** Assignments currently held (not expired, answered or released). */
  readonly assigned: number;
}

/** Review items, tasks and everything hanging off them; `store.review`. */
export interface ReviewStore {
  /** Queues an item with one task; false (nothing stored) when its record was queued before. */
  enqueue(item: NewReviewItem, task: { id: string; k: number }): Promise<boolean>;
  item(id: string): Promise<ReviewItem | undefined>;
  /** The raw part, for trust_safety under an approved unmask request, and for deletion. */
  rawPart(id: string): Promise<RawPart | undefined>;
  task(id: string): Promise<ReviewTask | undefined>;
  /** Tasks of one item, oldest first. */
  tasksOf(item: string): Promise<ReviewTask[]>;
  /**
   * Takes the next task for a reviewer under the rules (see `pickTask`), in a transaction that
   * serialises assignments, so concurrent requests never exceed k. A reviewer holding an
   * unexpired assignment gets that one back. Undefined when nothing is eligible.
   */
  assignNext(reviewer: string, rules: AssignmentRules, now: Date): Promise<Assignment | undefined>;
  /** The reviewer's assignment to a task (any state); `expiresAt` tells whether it still runs. */
  assignment(task: string, reviewer: string): Promise<Assignment | undefined>;
  assignments(task: string): Promise<Assignment[]>;
  /** Assignments the reviewer took since the start of `now`'s UTC day (what the daily quota counts). */
  assignedToday(reviewer: string, now: Date): Promise<number>;
  /** Gives an active assignment back ("skip"); the task returns to the queue. */
  release(task: string, reviewer: string, now: Date): Promise<TaskChange>;
  /**
   * Stores an answer under the reviewer's active assignment; the task is done with its k-th
   * answer. `done` says whether this answer completed it.
   */
  answer(
    task: string,
    reviewer: string,
    answer: ReviewAnswer,
    now: Date,
    comment?: string,
  ): Promise<{ outcome: TaskChange; done: boolean }>;
  answers(task: string): Promise<StoredAnswer[]>;
  /**
   * Flags a task under the reviewer's active assignment: the task moves to the trust_safety
   * queue (`flagged`) and every other active assignment of it ends.
   */
  flag(
    flag: { id: string; task: string; reviewer: string; category: FlagCategory; note?: string },
    now: Date,
  ): Promise<TaskChange>;
  flags(status?: 'open' | 'resolved'): Promise<ReviewFlag[]>;
  getFlag(id: string): Promise<ReviewFlag | undefined>;
  /**
   * Resolves an open flag, with trust_safety's note when given: `requeue` reopens the task (when
   * no other flag is open), `remove` removes it.
   */
  resolveFlag(
    id: string,
    by: string,
    resolution: FlagResolution,
    now: Date,
    note?: string,
  ): Promise<ReviewFlag | undefined>;
  /** Sets a task `removed` and ends its active assignments; false when it already was. */
  removeTask(task: string, now: Date): Promise<boolean>;
  createUnmask(request: {
    id: string;
    task: string;
    requester: string;
    justification: string;
    createdAt: string;
  }): Promise<void>;
  getUnmask(id: string): Promise<UnmaskRequest | undefined>;
  /**
   * Adds an approval (never the requester's, never twice); the second makes the request approved
   * until `now + ttlMinutes`.
   */
  approveUnmask(
    id: string,
    approver: string,
    now: Date,
    ttlMinutes: number,
  ): Promise<{
    outcome: 'ok' | 'not_found' | 'requester' | 'already_approved' | 'decided';
    request?: UnmaskRequest;
  }>;
  addHold(hold: Omit<LegalHold, 'releasedBy' | 'releasedAt'>): Promise<void>;
  /** Releases an active hold; undefined when there is no such active hold. */
  releaseHold(id: string, by: string, now: Date): Promise<LegalHold | undefined>;
  holds(options?: { active?: boolean }): Promise<LegalHold[]>;
  queueCounts(now: Date): Promise<QueueCounts>;
  /**
   * Counts a media redemption towards the member's exposure: once per task and member (false
   * when it was counted before), on the UTC day of `at`.
   */
  recordExposure(exposure: {
    reviewer: string;
    task: string;
    kind: ReviewKind;
    ms: number;
    at: Date;
  }): Promise<boolean>;
  /** The member's exposure since the start of `now`'s UTC day, in milliseconds. */
  exposureToday(reviewer: string, now: Date): Promise<number>;
  /**
   * Today's exposure (milliseconds) of every member who took a task or was exposed to media since
   * the start of `now`'s UTC day, by staff id.
   */
  exposureByReviewer(now: Date): Promise<Map<string, number>>;
  /**
   * Items created before `beforeMs` whose raw part is still stored, with no open or flagged task
   * and no active legal hold on the item or its subject; only `item` when given.
   */
  rawDue(beforeMs: number, item?: string): Promise<string[]>;
  /** Items created before `beforeMs` whose derivatives are still stored, with no flagged task and no active hold. */
  derivedDue(beforeMs: number): Promise<string[]>;
  /**
   * Forgets a part of an item: `raw` clears the raw record and media path, `derived` the view and
   * derivative path and removes its open tasks. Returns false when it was already gone.
   */
  markDeleted(item: string, what: 'raw' | 'derived', at: Date): Promise<boolean>;
}

export interface ReviewTables {
  review_items: ReviewItemTable;
  review_tasks: ReviewTaskTable;
  review_assignments: ReviewAssignmentTable;
  review_answers: ReviewAnswerTable;
  review_flags: ReviewFlagTable;
  review_unmask: ReviewUnmaskTable;
  review_unmask_approvals: ReviewUnmaskApprovalTable;
  review_holds: ReviewHoldTable;
  review_state: { id: number; assignments: number };
  review_exposure: ReviewExposureTable;
}

interface ReviewExposureTable {
  reviewer: string;
  task: string;
  kind: string;
  exposure_ms: number;
  at: string;
  at_ms: number;
}

interface ReviewItemTable {
  id: string;
  record_key: string;
  kind: string;
  subject: string | null;
  needs_consent: number;
  view: string | null;
  derived_media: string | null;
  raw_record: string | null;
  raw_media: string | null;
  created_at: string;
  created_ms: number;
  raw_deleted_at: string | null;
  derived_deleted_at: string | null;
}

interface ReviewTaskTable {
  id: string;
  item: string;
  status: string;
  k: number;
  created_at: string;
  created_ms: number;
  updated_at: string;
}

interface ReviewAssignmentTable {
  task: string;
  reviewer: string;
  state: string;
  assigned_at: string;
  assigned_ms: number;
  expires_ms: number;
  ended_at: string | null;
}

interface ReviewAnswerTable {
  task: string;
  reviewer: string;
  answer: string;
  answered_at: string;
  comment: string | null;
}

interface ReviewFlagTable {
  id: string;
  task: string;
  reviewer: string;
  category: string;
  note: string | null;
  status: string;
  created_at: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolved_note: string | null;
}

interface ReviewUnmaskTable {
  id: string;
  task: string;
  requester: string;
  justification: string;
  created_at: string;
  approved_at: string | null;
  expires_at: string | null;
}

interface ReviewUnmaskApprovalTable {
  request: string;
  approver: string;
  at: string;
}

interface ReviewHoldTable {
  id: string;
  item: string | null;
  subject: string | null;
  reason: string;
  created_by: string;
  created_at: string;
  released_by: string | null;
  released_at: string | null;
}

type Db = Kysely<ReviewTables>;
type Trx = Transaction<ReviewTables>;

// Candidates read per round while looking for one the reviewer may take.
const CANDIDATE_PAGE = 100;

export class KyselyReviewStore implements ReviewStore {
  readonly #db: Db;

  constructor(db: Kysely<Database>) {
    // The review tables are declared here, not in schema.ts: the same connection, its own tables.
    this.#db = db as unknown as Db;
  }

  enqueue(item: NewReviewItem, task: { id: string; k: number }): Promise<boolean> {
    const createdMs = Date.parse(item.createdAt);
    return guard('queueing a review item', () =>
      this.#db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('review_items')
          .values({
            id: item.id,
            record_key: item.recordKey,
            kind: item.kind,
            subject: item.subject ?? null,
            needs_consent: item.needsConsent ? 1 : 0,
            view: JSON.stringify(item.view),
            derived_media: item.derivedMedia ?? null,
            raw_record: item.raw.record === undefined ? null : JSON.stringify(item.raw.record),
            raw_media: item.raw.media ?? null,
            created_at: item.createdAt,
            created_ms: createdMs,
            raw_deleted_at: null,
            derived_deleted_at: null,
          })
          .onConflict((oc) => oc.column('record_key').doNothing())
          .executeTakeFirst();
        if (!insertedAny(inserted)) return false;
        await trx
          .insertInto('review_tasks')
          .values({
            id: task.id,
            item: item.id,
            status: 'open',
            k: task.k,
            created_at: item.createdAt,
            created_ms: createdMs,
            updated_at: item.createdAt,
          })
          .execute();
        return true;
      }),
    );
  }

  async item(id: string): Promise<ReviewItem | undefined> {
    const row = await guard('reading a review item', () =>
      this.#db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row && toItem(row);
  }

  async rawPart(id: string): Promise<RawPart | undefined> {
    const row = await guard('reading a raw review item', () =>
      this.#db
        .selectFrom('review_items')
        .select(['raw_record', 'raw_media'])
        .where('id', '=', id)
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    return {
      record:
        row.raw_record === null
          ? undefined
          : (JSON.parse(row.raw_record) as Record<string, unknown>),
      media: row.raw_media ?? undefined,
    };
  }

  async task(id: string): Promise<ReviewTask | undefined> {
    const row = await guard('reading a review task', () =>
      this.#db.selectFrom('review_tasks').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row && toTask(row);
  }

  async tasksOf(item: string): Promise<ReviewTask[]> {
    const rows = await guard('reading review tasks', () =>
      this.#db
        .selectFrom('review_tasks')
        .selectAll()
        .where('item', '=', item)
        .orderBy('created_ms')
        .orderBy('id')
        .execute(),
    );
    return rows.map(toTask);
  }

  assignNext(reviewer: string, rules: AssignmentRules, now: Date): Promise<Assignment | undefined> {
    const nowMs = now.getTime();
    return guard('assigning a review task', () =>
      this.#db.transaction().execute(async (trx) => {
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
  }

  async assignment(task: string, reviewer: string): Promise<Assignment | undefined> {
    const row = await guard('reading an assignment', () =>
      this.#db
        .selectFrom('review_assignments')
        .selectAll()
        .where('task', '=', task)
        .where('reviewer', '=', reviewer)
        .executeTakeFirst(),
    );
    return row && toAssignment(row);
  }

  async assignments(task: string): Promise<Assignment[]> {
    const rows = await guard('reading assignments', () =>
      this.#db
        .selectFrom('review_assignments')
        .selectAll()
        .where('task', '=', task)
        .orderBy('assigned_ms')
        .orderBy('reviewer')
        .execute(),
    );
    return rows.map(toAssignment);
  }

  assignedToday(reviewer: string, now: Date): Promise<number> {
    return guard('counting assignments', () =>
      assignedSince(this.#db, reviewer, dayStart(now.getTime())),
    );
  }

  release(task: string, reviewer: string, now: Date): Promise<TaskChange> {
    return guard('releasing an assignment', () =>
      this.#db.transaction().execute(async (trx) => {
        const status = await lockTask(trx, task);
        if (status === undefined) return 'not_found';
        const ended = await endAssignment(trx, task, reviewer, 'released', now);
        return ended ? 'ok' : 'not_assigned';
      }),
    );
  }

  answer(
    task: string,
    reviewer: string,
    answer: ReviewAnswer,
    now: Date,
    comment?: string,
  ): Promise<{ outcome: TaskChange; done: boolean }> {
    return guard('storing an answer', () =>
      this.#db.transaction().execute(async (trx) => {
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
  }

  async answers(task: string): Promise<StoredAnswer[]> {
    const rows = await guard('reading answers', () =>
      this.#db
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
  }

  flag(
    flag: { id: string; task: string; reviewer: string; category: FlagCategory; note?: string },
    now: Date,
  ): Promise<TaskChange> {
    return guard('flagging a task', () =>
      this.#db.transaction().execute(async (trx) => {
        const locked = await lockTask(trx, flag.task);
        if (locked === undefined) return 'not_found';
        if (locked.status !== 'open') return 'closed';
        if (!(await endAssignment(trx, flag.task, flag.reviewer, 'flagged', now)))
          return 'not_assigned';
        await trx
          .insertInto('review_flags')
          .values({
            id: flag.id,
            task: flag.task,
            reviewer: flag.reviewer,
            category: flag.category,
            note: flag.note ?? null,
            status: 'open',
            created_at: now.toISOString(),
            resolution: null,
            resolved_by: null,
            resolved_at: null,
            resolved_note: null,
          })
          .execute();
        await endActive(trx, flag.task, now);
        await setStatus(trx, flag.task, 'flagged', now);
        return 'ok';
      }),
    );
  }

  async flags(status?: 'open' | 'resolved'): Promise<ReviewFlag[]> {
    const rows = await guard('listing flags', () => {
      let query = this.#db.selectFrom('review_flags').selectAll();
      if (status) query = query.where('status', '=', status);
      return query.orderBy('created_at').orderBy('id').execute();
    });
    return rows.map(toFlag);
  }

  async getFlag(id: string): Promise<ReviewFlag | undefined> {
    const row = await guard('reading a flag', () =>
      this.#db.selectFrom('review_flags').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row && toFlag(row);
  }

  resolveFlag(
    id: string,
    by: string,
    resolution: FlagResolution,
    now: Date,
    note?: string,
  ): Promise<ReviewFlag | undefined> {
    return guard('resolving a flag', () =>
      this.#db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('review_flags')
          .set({
            status: 'resolved',
            resolution,
            resolved_by: by,
            resolved_at: now.toISOString(),
            resolved_note: note ?? null,
          })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        const locked = await lockTask(trx, row.task);
        if (resolution === 'remove') {
          if (locked && locked.status !== 'removed') {
            await removeLocked(trx, row.task, now);
          }
        } else if (locked?.status === 'flagged') {
          const others = await trx
            .selectFrom('review_flags')
            .select('id')
            .where('task', '=', row.task)
            .where('status', '=', 'open')
            .executeTakeFirst();
          if (!others) await setStatus(trx, row.task, 'open', now);
        }
        return toFlag(row);
      }),
    );
  }

  removeTask(task: string, now: Date): Promise<boolean> {
    return guard('removing a task', () =>
      this.#db.transaction().execute(async (trx) => {
        const locked = await lockTask(trx, task);
        if (!locked || locked.status === 'removed') return false;
        await removeLocked(trx, task, now);
        return true;
      }),
    );
  }

  async createUnmask(request: {
    id: string;
    task: string;
    requester: string;
    justification: string;
    createdAt: string;
  }): Promise<void> {
    await guard('storing an unmask request', () =>
      this.#db
        .insertInto('review_unmask')
        .values({
          id: request.id,
          task: request.task,
          requester: request.requester,
          justification: request.justification,
          created_at: request.createdAt,
          approved_at: null,
          expires_at: null,
        })
        .execute(),
    );
  }

  getUnmask(id: string): Promise<UnmaskRequest | undefined> {
    return guard('reading an unmask request', () => readUnmask(this.#db, id));
  }

  approveUnmask(
    id: string,
    approver: string,
    now: Date,
    ttlMinutes: number,
  ): Promise<{
    outcome: 'ok' | 'not_found' | 'requester' | 'already_approved' | 'decided';
    request?: UnmaskRequest;
  }> {
    return guard('approving an unmask request', () =>
      this.#db.transaction().execute(async (trx) => {
        // A no-op write locks the request (PostgreSQL) or the database (SQLite) first.
        const locked = await trx
          .updateTable('review_unmask')
          .set((eb) => ({ approved_at: eb.ref('approved_at') }))
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(locked.numUpdatedRows) === 0) return { outcome: 'not_found' as const };
        const request = (await readUnmask(trx, id))!;
        const check = canApprove(request, approver);
        if (check !== 'ok') return { outcome: check, request };
        await trx
          .insertInto('review_unmask_approvals')
          .values({ request: id, approver, at: now.toISOString() })
          .execute();
        if (request.approvers.length + 1 >= UNMASK_APPROVALS) {
          await trx
            .updateTable('review_unmask')
            .set({
              approved_at: now.toISOString(),
              expires_at: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
            })
            .where('id', '=', id)
            .execute();
        }
        return { outcome: 'ok' as const, request: (await readUnmask(trx, id))! };
      }),
    );
  }

  async addHold(hold: Omit<LegalHold, 'releasedBy' | 'releasedAt'>): Promise<void> {
    await guard('storing a legal hold', () =>
      this.#db
        .insertInto('review_holds')
        .values({
          id: hold.id,
          item: hold.item ?? null,
          subject: hold.subject ?? null,
          reason: hold.reason,
          created_by: hold.createdBy,
          created_at: hold.createdAt,
          released_by: null,
          released_at: null,
        })
        .execute(),
    );
  }

  async releaseHold(id: string, by: string, now: Date): Promise<LegalHold | undefined> {
    const row = await guard('releasing a legal hold', () =>
      this.#db
        .updateTable('review_holds')
        .set({ released_by: by, released_at: now.toISOString() })
        .where('id', '=', id)
        .where('released_at', 'is', null)
        .returningAll()
        .executeTakeFirst(),
    );
    return row && toHold(row);
  }

  async holds(options: { active?: boolean } = {}): Promise<LegalHold[]> {
    const rows = await guard('listing legal holds', () => {
      let query = this.#db.selectFrom('review_holds').selectAll();
      if (options.active) query = query.where('released_at', 'is', null);
      return query.orderBy('created_at').orderBy('id').execute();
    });
    return rows.map(toHold);
  }

  async queueCounts(now: Date): Promise<QueueCounts> {
    return guard('counting the review queue', async () => {
      const rows = await this.#db
        .selectFrom('review_tasks')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .groupBy('status')
        .execute();
      const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
      const assigned = await this.#db
        .selectFrom('review_assignments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('state', '=', 'active')
        .where('expires_ms', '>', now.getTime())
        .executeTakeFirstOrThrow();
      return {
        open: by.get('open') ?? 0,
        flagged: by.get('flagged') ?? 0,
        done: by.get('done') ?? 0,
        removed: by.get('removed') ?? 0,
        assigned: Number(assigned.n),
      };
    });
  }

  async recordExposure(exposure: {
    reviewer: string;
    task: string;
    kind: ReviewKind;
    ms: number;
    at: Date;
  }): Promise<boolean> {
    const r = await guard('recording exposure', () =>
      this.#db
        .insertInto('review_exposure')
        .values({
          reviewer: exposure.reviewer,
          task: exposure.task,
          kind: exposure.kind,
          exposure_ms: Math.max(0, Math.round(exposure.ms)),
          at: exposure.at.toISOString(),
          at_ms: exposure.at.getTime(),
        })
        .onConflict((oc) => oc.columns(['reviewer', 'task']).doNothing())
        .executeTakeFirst(),
    );
    return insertedAny(r);
  }

  exposureToday(reviewer: string, now: Date): Promise<number> {
    return guard('reading exposure', () =>
      exposureSince(this.#db, reviewer, dayStart(now.getTime())),
    );
  }

  exposureByReviewer(now: Date): Promise<Map<string, number>> {
    const since = dayStart(now.getTime());
    return guard('reading exposure', async () => {
      const active = await this.#db
        .selectFrom('review_assignments')
        .select('reviewer')
        .distinct()
        .where('assigned_ms', '>=', since)
        .execute();
      const exposed = await this.#db
        .selectFrom('review_exposure')
        .select(['reviewer', (eb) => eb.fn.sum<number | string>('exposure_ms').as('ms')])
        .where('at_ms', '>=', since)
        .groupBy('reviewer')
        .execute();
      const out = new Map<string, number>(active.map((r) => [r.reviewer, 0]));
      for (const r of exposed) out.set(r.reviewer, Number(r.ms ?? 0));
      return out;
    });
  }

  rawDue(beforeMs: number, item?: string): Promise<string[]> {
    return guard('finding raw parts past retention', () =>
      this.#due('raw_deleted_at', ['open', 'flagged'], beforeMs, item),
    );
  }

  derivedDue(beforeMs: number): Promise<string[]> {
    return guard('finding derivatives past retention', () =>
      this.#due('derived_deleted_at', ['flagged'], beforeMs),
    );
  }

  /**
   * Items created before `beforeMs` whose part (`deleted` still null) is stored, with no task in
   * `sparing` and no active hold, oldest first; only `item` when given.
   */
  async #due(
    deleted: 'raw_deleted_at' | 'derived_deleted_at',
    sparing: TaskStatus[],
    beforeMs: number,
    item?: string,
  ): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('review_items as i')
      .select('i.id')
      .$if(item !== undefined, (q) => q.where('i.id', '=', item!))
      .where('i.created_ms', '<', beforeMs)
      .where(`i.${deleted}`, 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('review_tasks as t')
              .select('t.id')
              .whereRef('t.item', '=', 'i.id')
              .where('t.status', 'in', sparing),
          ),
        ),
      )
      .where((eb) => eb.not(eb.exists(activeHold(eb))))
      .orderBy('i.created_ms')
      .orderBy('i.id')
      .execute();
    return rows.map((r) => r.id);
  }

  markDeleted(item: string, what: 'raw' | 'derived', at: Date): Promise<boolean> {
    const when = at.toISOString();
    return guard('recording a deletion', () =>
      this.#db.transaction().execute(async (trx) => {
        if (what === 'raw') {
          const r = await trx
            .updateTable('review_items')
            .set({ raw_record: null, raw_media: null, raw_deleted_at: when })
            .where('id', '=', item)
            .where('raw_deleted_at', 'is', null)
            .executeTakeFirst();
          return Number(r.numUpdatedRows) > 0;
        }
        const r = await trx
          .updateTable('review_items')
          .set({ view: null, derived_media: null, derived_deleted_at: when })
          .where('id', '=', item)
          .where('derived_deleted_at', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
        // Nothing is left to review: its open tasks leave the queue, in two statements rather
        // than two per task.
        await trx
          .updateTable('review_assignments')
          .set({ state: 'released', ended_at: when })
          .where('state', '=', 'active')
          .where('task', 'in', (eb) =>
            eb
              .selectFrom('review_tasks')
              .select('id')
              .where('item', '=', item)
              .where('status', '=', 'open'),
          )
          .execute();
        await trx
          .updateTable('review_tasks')
          .set({ status: 'removed', updated_at: when })
          .where('item', '=', item)
          .where('status', '=', 'open')
          .execute();
        return true;
      }),
    );
  }
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

/** A member's exposure (milliseconds) since `sinceMs`. */
async function exposureSince(db: Db | Trx, reviewer: string, sinceMs: number): Promise<number> {
  const row = await db
    .selectFrom('review_exposure')
    .select((eb) => eb.fn.sum<number | string | null>('exposure_ms').as('ms'))
    .where('reviewer', '=', reviewer)
    .where('at_ms', '>=', sinceMs)
    .executeTakeFirst();
  return Number(row?.ms ?? 0);
}

/** An active legal hold on the outer query's item `i` or on its subject. */
function activeHold(eb: ExpressionBuilder<ReviewTables & { i: ReviewItemTable }, 'i'>) {
  return eb
    .selectFrom('review_holds as h')
    .select('h.id')
    .where('h.released_at', 'is', null)
    .where((e) => e.or([e('h.item', '=', e.ref('i.id')), e('h.subject', '=', e.ref('i.subject'))]));
}

/** Locks a task's row (a no-op write) and returns its status and k. */
async function lockTask(
  trx: Trx,
  task: string,
): Promise<{ status: TaskStatus; k: number } | undefined> {
  const row = await trx
    .updateTable('review_tasks')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', task)
    .returning(['status', 'k'])
    .executeTakeFirst();
  return row && { status: row.status as TaskStatus, k: Number(row.k) };
}

async function setStatus(trx: Trx, task: string, status: TaskStatus, now: Date): Promise<void> {
  await trx
    .updateTable('review_tasks')
    .set({ status, updated_at: now.toISOString() })
    .where('id', '=', task)
    .execute();
}

/** Ends the reviewer's assignment if it is active and unexpired; false otherwise. */
async function endAssignment(
  trx: Trx,
  task: string,
  reviewer: string,
  state: AssignmentState,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('review_assignments')
    .set({ state, ended_at: now.toISOString() })
    .where('task', '=', task)
    .where('reviewer', '=', reviewer)
    .where('state', '=', 'active')
    .where('expires_ms', '>', now.getTime())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Takes a locked task off the queue: its active assignments end and it is `removed`. */
async function removeLocked(trx: Trx, task: string, now: Date): Promise<void> {
  await endActive(trx, task, now);
  await setStatus(trx, task, 'removed', now);
}

async function endActive(trx: Trx, task: string, now: Date): Promise<void> {
  await trx
    .updateTable('review_assignments')
    .set({ state: 'released', ended_at: now.toISOString() })
    .where('task', '=', task)
    .where('state', '=', 'active')
    .execute();
}

async function readUnmask(db: Db | Trx, id: string): Promise<UnmaskRequest | undefined> {
  const row = await db
    .selectFrom('review_unmask')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const approvals = await db
    .selectFrom('review_unmask_approvals')
    .select('approver')
    .where('request', '=', id)
    .orderBy('at')
    .orderBy('approver')
    .execute();
  return {
    id: row.id,
    task: row.task,
    requester: row.requester,
    justification: row.justification,
    approvers: approvals.map((a) => a.approver),
    createdAt: row.created_at,
    approvedAt: row.approved_at ?? undefined,
    expiresAt: row.expires_at ?? undefined,
  };
}

function toItem(r: Selectable<ReviewItemTable>): ReviewItem {
  return {
    id: r.id,
    kind: r.kind as ReviewKind,
    subject: r.subject ?? undefined,
    needsConsent: Number(r.needs_consent) === 1,
    view: r.view === null ? undefined : (JSON.parse(r.view) as ReviewView),
    derivedMedia: r.derived_media ?? undefined,
    createdAt: r.created_at,
    rawDeletedAt: r.raw_deleted_at ?? undefined,
    derivedDeletedAt: r.derived_deleted_at ?? undefined,
  };
}

function toTask(r: Selectable<ReviewTaskTable>): ReviewTask {
  return {
    id: r.id,
    item: r.item,
    status: r.status as TaskStatus,
    k: Number(r.k),
    createdAt: r.created_at,
  };
}

function toAssignment(r: Selectable<ReviewAssignmentTable>): Assignment {
  return {
    task: r.task,
    reviewer: r.reviewer,
    state: r.state as AssignmentState,
    assignedAt: r.assigned_at,
    expiresAt: new Date(Number(r.expires_ms)).toISOString(),
  };
}

function toFlag(r: Selectable<ReviewFlagTable>): ReviewFlag {
  return {
    id: r.id,
    task: r.task,
    reviewer: r.reviewer,
    category: r.category as FlagCategory,
    note: r.note ?? undefined,
    status: r.status as 'open' | 'resolved',
    createdAt: r.created_at,
    ...optional('resolution', r.resolution as FlagResolution | null),
    ...optional('resolvedBy', r.resolved_by),
    ...optional('resolvedAt', r.resolved_at),
    ...optional('resolvedNote', r.resolved_note),
  };
}

function toHold(r: Selectable<ReviewHoldTable>): LegalHold {
  return {
    id: r.id,
    item: r.item ?? undefined,
    subject: r.subject ?? undefined,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    releasedBy: r.released_by ?? undefined,
    releasedAt: r.released_at ?? undefined,
  };
}
