import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0012-review-notes: the free-text notes the review API used to accept and drop. A
 * reviewer's `comment` is kept with their answer, trust & safety's resolution `note` with the
 * flag it closes. Plain text, at most 2,000 characters each (checked before they are stored).
 */
export const reviewNotesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite adds only one column per ALTER TABLE.
    await db.schema.alterTable('review_answers').addColumn('comment', 'text').execute();
    await db.schema.alterTable('review_flags').addColumn('resolved_note', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('review_flags').dropColumn('resolved_note').execute();
    await db.schema.alterTable('review_answers').dropColumn('comment').execute();
  },
};
