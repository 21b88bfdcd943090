import { type Kysely, sql } from 'kysely';
import type { RateCount, RateCounters } from '../rate-limits/rate-counters.js';
import { guard } from './guard.js';
import type { RateCounterTable } from './schema.js';

export function rateCounters(db: Kysely<{ rate_counters: RateCounterTable }>): RateCounters {
  return {
    async countHit(key: string, windowMs: number, nowMs: number): Promise<RateCount> {
      // PostgreSQL needs the parameters' types spelt out inside CASE; SQLite ignores the casts.
      const n = (value: number) => sql<number>`cast(${value} as bigint)`;
      const t = sql.table('rate_counters');
      const ended = sql<boolean>`${t}.window_ends_ms <= ${n(nowMs)}`;
      const row = await guard('counting a request for its rate limit', () =>
        db
          .insertInto('rate_counters')
          .values({ key, hits: 1, window_ends_ms: nowMs + windowMs })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              // Both right-hand sides read the row as it was before this statement.
              hits: sql<number>`case when ${ended} then ${n(1)} else ${t}.hits + 1 end`,
              window_ends_ms: sql<number>`case when ${ended} then ${n(nowMs + windowMs)}
                else ${t}.window_ends_ms end`,
            }),
          )
          .returning(['hits', 'window_ends_ms'])
          .executeTakeFirstOrThrow(),
      );
      return { hits: Number(row.hits), windowEndsMs: Number(row.window_ends_ms) };
    },

    async purgeRateCounters(nowMs: number): Promise<number> {
      const result = await guard('deleting ended rate-limit windows', () =>
        db.deleteFrom('rate_counters').where('window_ends_ms', '<=', nowMs).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
