import type { FlagCategory, FlagResolution, ReviewFlag } from '../review/model.js';
import type { FlagsQuery, ReviewFlags, TaskChange } from '../review/review-store.js';
import { guard } from './guard.js';
import { endActive, endAssignment, lockTask, removeLocked, setStatus } from './review-locks.js';
import { toFlag } from './review-rows.js';
import type { Db } from './review-tables.js';

export function reviewFlags(db: Db): ReviewFlags {
  return {
    flag(
      flag: { id: string; task: string; reviewer: string; category: FlagCategory; note?: string },
      now: Date,
    ): Promise<TaskChange> {
      return guard('flagging a task', () =>
        db.transaction().execute(async (trx) => {
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
    },

    async flags(status?: 'open' | 'resolved'): Promise<ReviewFlag[]> {
      const rows = await guard('listing flags', () => {
        let query = db.selectFrom('review_flags').selectAll();
        if (status) query = query.where('status', '=', status);
        return query.orderBy('created_at').orderBy('id').execute();
      });
      return rows.map(toFlag);
    },

    async flagsPage(query: FlagsQuery): Promise<ReviewFlag[]> {
      const rows = await guard('listing flags', () => {
        let q = db.selectFrom('review_flags').selectAll();
        if (query.status) q = q.where('status', '=', query.status);
        if (query.category) q = q.where('category', '=', query.category);
        const after = query.after;
        if (after)
          q = q.where((eb) =>
            eb.or([
              eb('created_at', '>', after[0]),
              eb.and([eb('created_at', '=', after[0]), eb('id', '>', after[1])]),
            ]),
          );
        return q.orderBy('created_at').orderBy('id').limit(query.limit).execute();
      });
      return rows.map(toFlag);
    },

    async getFlag(id: string): Promise<ReviewFlag | undefined> {
      const row = await guard('reading a flag', () =>
        db.selectFrom('review_flags').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row && toFlag(row);
    },

    resolveFlag(
      id: string,
      by: string,
      resolution: FlagResolution,
      now: Date,
      note?: string,
    ): Promise<ReviewFlag | undefined> {
      return guard('resolving a flag', () =>
        db.transaction().execute(async (trx) => {
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
    },
  };
}
