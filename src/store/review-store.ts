import type { Kysely } from 'kysely';
import type { ReviewStore } from '../review/review-store.js';
import { reviewEscalations } from './review-escalations.js';
import { reviewExport } from './review-export.js';
import { reviewExposure } from './review-exposure.js';
import { reviewFlags } from './review-flags.js';
import { reviewItemRequests } from './review-item-requests.js';
import { reviewQueue } from './review-queue.js';
import { reviewRetention } from './review-retention.js';
import type { Db } from './review-tables.js';
import { reviewWork } from './review-work.js';
import type { Database } from './schema.js';

/** The review port over Kysely, one part per file; the parts share only the connection. */
export function kyselyReviewStore(db: Kysely<Database>): ReviewStore {
  // The review tables are declared in review-tables.ts, not schema.ts: the same connection, its own tables.
  const review = db as unknown as Db;
  return {
    ...reviewQueue(review),
    ...reviewExport(review),
    ...reviewWork(review),
    ...reviewExposure(review),
    ...reviewFlags(review),
    ...reviewEscalations(review),
    ...reviewRetention(review),
    ...reviewItemRequests(review),
  };
}
