import type { ItemRequestRecord, ReviewItemRequests } from '../review/review-store.js';
import { guard, insertedAny } from './guard.js';
import type { Db } from './review-tables.js';

// How long an Idempotency-Key is remembered: a pipeline retries within minutes, not days.
const KEEP_MS = 24 * 60 * 60_000;

export function reviewItemRequests(db: Db): ReviewItemRequests {
  return {
    async itemRequest(keySha256: string): Promise<ItemRequestRecord | undefined> {
      const row = await guard('reading an idempotent request', () =>
        db
          .selectFrom('review_item_requests')
          .selectAll()
          .where('key_sha256', '=', keySha256)
          .executeTakeFirst(),
      );
      return (
        row && {
          keySha256: row.key_sha256,
          requestSha256: row.request_sha256,
          response: row.response,
          createdAt: row.created_at,
        }
      );
    },

    saveItemRequest(record: ItemRequestRecord): Promise<boolean> {
      return guard('storing an idempotent request', () =>
        db.transaction().execute(async (trx) => {
          const cutoff = new Date(Date.parse(record.createdAt) - KEEP_MS).toISOString();
          await trx.deleteFrom('review_item_requests').where('created_at', '<', cutoff).execute();
          // A concurrent request with the same key stored its answer first: that one stands.
          const inserted = await trx
            .insertInto('review_item_requests')
            .values({
              key_sha256: record.keySha256,
              request_sha256: record.requestSha256,
              response: record.response,
              created_at: record.createdAt,
            })
            .onConflict((oc) => oc.column('key_sha256').doNothing())
            .executeTakeFirst();
          return insertedAny(inserted);
        }),
      );
    },
  };
}
