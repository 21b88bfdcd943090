import type { TaskStatus } from '../review/model.js';
import type { ReviewRetention } from '../review/review-store.js';
import { guard } from './guard.js';
import { activeHold } from './review-rows.js';
import type { Db } from './review-tables.js';

export function reviewRetention(db: Db): ReviewRetention {
  return {
    rawDue(beforeMs: number, item?: string): Promise<string[]> {
      return guard('finding raw parts past retention', () =>
        due(db, 'raw_deleted_at', ['open', 'flagged'], beforeMs, item),
      );
    },

    derivedDue(beforeMs: number): Promise<string[]> {
      return guard('finding derivatives past retention', () =>
        due(db, 'derived_deleted_at', ['flagged'], beforeMs),
      );
    },

    markDeleted(item: string, what: 'raw' | 'derived', at: Date): Promise<boolean> {
      const when = at.toISOString();
      return guard('recording a deletion', () =>
        db.transaction().execute(async (trx) => {
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
    },
  };
}

/**
 * Items created before `beforeMs` whose part (`deleted` still null) is stored, with no task in
 * `sparing` and no active hold, oldest first; only `item` when given.
 */
async function due(
  db: Db,
  deleted: 'raw_deleted_at' | 'derived_deleted_at',
  sparing: TaskStatus[],
  beforeMs: number,
  item?: string,
): Promise<string[]> {
  const rows = await db
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
