import type { RawPart, ReviewItem, ReviewTask } from '../review/model.js';
import type { NewReviewItem, QueueCounts, ReviewQueue } from '../review/review-store.js';
import { guard, insertedAny } from './guard.js';
import { lockTask, removeLocked } from './review-locks.js';
import { toItem, toTask } from './review-rows.js';
import type { Db } from './review-tables.js';

export function reviewQueue(db: Db): ReviewQueue {
  return {
    enqueue(item: NewReviewItem, task: { id: string; k: number }): Promise<boolean> {
      const createdMs = Date.parse(item.createdAt);
      return guard('queueing a review item', () =>
        db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('review_items')
            .values({
              id: item.id,
              record_key: item.recordKey,
              record_id: item.recordId,
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
    },

    async itemsOfSubjects(subjects: readonly string[]): Promise<string[]> {
      if (subjects.length === 0) return [];
      const rows = await guard("reading a subject's review items", () =>
        db
          .selectFrom('review_items')
          .select('id')
          .where('subject', 'in', [...subjects])
          .orderBy('created_ms')
          .orderBy('id')
          .execute(),
      );
      return rows.map((r) => r.id);
    },

    async item(id: string): Promise<ReviewItem | undefined> {
      const row = await guard('reading a review item', () =>
        db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row && toItem(row);
    },

    async rawPart(id: string): Promise<RawPart | undefined> {
      const row = await guard('reading a raw review item', () =>
        db
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
    },

    async task(id: string): Promise<ReviewTask | undefined> {
      const row = await guard('reading a review task', () =>
        db.selectFrom('review_tasks').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row && toTask(row);
    },

    async tasksOf(item: string): Promise<ReviewTask[]> {
      const rows = await guard('reading review tasks', () =>
        db
          .selectFrom('review_tasks')
          .selectAll()
          .where('item', '=', item)
          .orderBy('created_ms')
          .orderBy('id')
          .execute(),
      );
      return rows.map(toTask);
    },

    removeTask(task: string, now: Date): Promise<boolean> {
      return guard('removing a task', () =>
        db.transaction().execute(async (trx) => {
          const locked = await lockTask(trx, task);
          if (!locked || locked.status === 'removed') return false;
          await removeLocked(trx, task, now);
          return true;
        }),
      );
    },

    async queueCounts(now: Date): Promise<QueueCounts> {
      return guard('counting the review queue', async () => {
        const rows = await db
          .selectFrom('review_tasks')
          .select(['status', (eb) => eb.fn.countAll().as('n')])
          .groupBy('status')
          .execute();
        const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
        const assigned = await db
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
    },
  };
}
