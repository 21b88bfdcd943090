import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0022-review-item-requests: the answers of `POST /api/review/v1/items` by
 * Idempotency-Key, so a pipeline that retries after a lost answer gets the first answer again
 * (which items were queued, with their task ids) instead of "already queued" for each. The key
 * is stored as its SHA-256 only; entries older than a day are dropped as new ones come.
 */
export const reviewItemRequestsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('review_item_requests')
      .addColumn('key_sha256', 'text', (c) => c.primaryKey())
      .addColumn('request_sha256', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('review_item_requests_created')
      .on('review_item_requests')
      .column('created_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('review_item_requests').execute();
  },
};
