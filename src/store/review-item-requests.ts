import type { ItemRequestClaim, ReviewItemRequests } from '../review/review-store.js';
import { guard, insertedAny } from './guard.js';
import type { Db } from './review-tables.js';

// How long an Idempotency-Key is remembered: a pipeline retries within minutes, not days.
// Counted from the claim's last refresh (its request's arrival, moved on while it runs: at most
// the request's running time later); from then on the key is new again (docs/review.md).
export const ITEM_REQUEST_KEEP_MS = 24 * 60 * 60_000;
// How long a claimed key may stay neither answered nor refreshed before a retry may take it
// over: a server that died while queueing never answers, and its claim must not refuse retries
// for a day. A running request refreshes its claim every minute (CLAIM_REFRESH_MS in
// src/review/enqueue-items.ts), however long it runs, so only a claim whose server stopped (or lost its database) for five refreshes in a
// row lapses; a slow request is never taken over while it still runs.
export const ITEM_REQUEST_PENDING_MS = 5 * 60_000;
// The answer of a claim whose request is still running (a stored answer is JSON, never empty):
// no migration needed, and one row per key still decides which request runs.
const PENDING = '';

const before = (at: string, ms: number) => new Date(Date.parse(at) - ms).toISOString();

export function reviewItemRequests(db: Db): ReviewItemRequests {
  return {
    claimItemRequest(claim): Promise<ItemRequestClaim> {
      return guard('claiming an idempotent request', () =>
        db.transaction().execute(async (trx): Promise<ItemRequestClaim> => {
          // An expired key is dropped before it is looked up, so it is a new key whatever was
          // stored under it; the sweep also keeps the table to a day's keys.
          await trx
            .deleteFrom('review_item_requests')
            .where('created_at', '<=', before(claim.at, ITEM_REQUEST_KEEP_MS))
            .execute();
          // The primary key decides between requests at once: one inserts, the others see its row.
          const inserted = await trx
            .insertInto('review_item_requests')
            .values({
              key_sha256: claim.keySha256,
              request_sha256: claim.requestSha256,
              response: PENDING,
              created_at: claim.at,
            })
            .onConflict((oc) => oc.column('key_sha256').doNothing())
            .executeTakeFirst();
          if (insertedAny(inserted)) return { state: 'claimed' };
          const row = await trx
            .selectFrom('review_item_requests')
            .selectAll()
            .where('key_sha256', '=', claim.keySha256)
            .executeTakeFirst();
          // Released by its failed request in between: a retry now claims it.
          if (row === undefined) return { state: 'running', requestSha256: claim.requestSha256 };
          if (row.response !== PENDING)
            return { state: 'answered', requestSha256: row.request_sha256, response: row.response };
          if (
            row.request_sha256 === claim.requestSha256 &&
            row.created_at < before(claim.at, ITEM_REQUEST_PENDING_MS)
          ) {
            // Abandoned: this retry takes the claim over (only one of several can).
            const taken = await trx
              .updateTable('review_item_requests')
              .set({ created_at: claim.at })
              .where('key_sha256', '=', claim.keySha256)
              .where('response', '=', PENDING)
              .where('created_at', '=', row.created_at)
              .executeTakeFirst();
            if (Number(taken.numUpdatedRows) > 0) return { state: 'claimed' };
          }
          return { state: 'running', requestSha256: row.request_sha256 };
        }),
      );
    },

    refreshItemRequest(claim, at): Promise<boolean> {
      return guard('refreshing an idempotent request', async () => {
        // Compare-and-set on the claim's time: a claim taken over, released or answered meanwhile
        // is not this request's any more, and is left as it is.
        const updated = await db
          .updateTable('review_item_requests')
          .set({ created_at: at })
          .where('key_sha256', '=', claim.keySha256)
          .where('response', '=', PENDING)
          .where('created_at', '=', claim.at)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) > 0;
      });
    },

    answerItemRequest(claim, response): Promise<boolean> {
      return guard('storing an idempotent request', async () => {
        const updated = await db
          .updateTable('review_item_requests')
          .set({ response })
          .where('key_sha256', '=', claim.keySha256)
          .where('response', '=', PENDING)
          .where('created_at', '=', claim.at)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) > 0;
      });
    },

    releaseItemRequest(claim): Promise<void> {
      return guard('releasing an idempotent request', async () => {
        await db
          .deleteFrom('review_item_requests')
          .where('key_sha256', '=', claim.keySha256)
          .where('response', '=', PENDING)
          .where('created_at', '=', claim.at)
          .execute();
      });
    },
  };
}
