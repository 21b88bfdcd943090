import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0021-request-queue: the privacy officer's queue of access and erasure requests. A
 * request can be assigned to someone, and can carry the address the person asked the answer to
 * be mailed to (kept with the request in the database only, never in the log).
 */
export const requestQueueMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('subject_requests').addColumn('assignee', 'text').execute();
    await db.schema.alterTable('subject_requests').addColumn('notify_email', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('subject_requests').dropColumn('notify_email').execute();
    await db.schema.alterTable('subject_requests').dropColumn('assignee').execute();
  },
};
