import type { ReviewKind } from '../review/model.js';
import type { ReviewExposure } from '../review/review-store.js';
import { dayStart } from '../review/rules.js';
import { guard, insertedAny } from './guard.js';
import type { Db, Trx } from './review-tables.js';

export function reviewExposure(db: Db): ReviewExposure {
  return {
    async recordExposure(exposure: {
      reviewer: string;
      task: string;
      kind: ReviewKind;
      ms: number;
      at: Date;
    }): Promise<boolean> {
      const r = await guard('recording exposure', () =>
        db
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
    },

    exposureToday(reviewer: string, now: Date): Promise<number> {
      return guard('reading exposure', () => exposureSince(db, reviewer, dayStart(now.getTime())));
    },

    exposureByReviewer(now: Date): Promise<Map<string, number>> {
      const since = dayStart(now.getTime());
      return guard('reading exposure', async () => {
        const active = await db
          .selectFrom('review_assignments')
          .select('reviewer')
          .distinct()
          .where('assigned_ms', '>=', since)
          .execute();
        const exposed = await db
          .selectFrom('review_exposure')
          .select(['reviewer', (eb) => eb.fn.sum<number | string>('exposure_ms').as('ms')])
          .where('at_ms', '>=', since)
          .groupBy('reviewer')
          .execute();
        const out = new Map<string, number>(active.map((r) => [r.reviewer, 0]));
        for (const r of exposed) out.set(r.reviewer, Number(r.ms ?? 0));
        return out;
      });
    },
  };
}

/** A member's exposure (milliseconds) since `sinceMs`. */
export async function exposureSince(
  db: Db | Trx,
  reviewer: string,
  sinceMs: number,
): Promise<number> {
  const row = await db
    .selectFrom('review_exposure')
    .select((eb) => eb.fn.sum<number | string | null>('exposure_ms').as('ms'))
    .where('reviewer', '=', reviewer)
    .where('at_ms', '>=', sinceMs)
    .executeTakeFirst();
  return Number(row?.ms ?? 0);
}
