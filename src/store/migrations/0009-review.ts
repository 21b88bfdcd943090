import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migration 0009-review: review items (the redacted view apart from the raw part), tasks,
 * assignments, answers, flags, unmask requests with their approvals, legal holds, and the one
 * row every assignment locks first. Times are ISO text, with epoch milliseconds beside those
 * that queries compare.
 */
export const reviewMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('review_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // SHA-256 of the record id: the same record is never queued twice.
      .addColumn('record_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('needs_consent', 'integer', (c) => c.notNull())
      .addColumn('view', 'text')
      .addColumn('derived_media', 'text')
      .addColumn('raw_record', 'text')
      .addColumn('raw_media', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addColumn('raw_deleted_at', 'text')
      .addColumn('derived_deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('review_items_by_subject')
      .on('review_items')
      .columns(['subject'])
      .execute();
    await db.schema
      .createIndex('review_items_by_time')
      .on('review_items')
      .columns(['created_ms'])
      .execute();
    await db.schema
      .createTable('review_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item', 'text', (c) => c.notNull().references('review_items.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('k', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('review_tasks_by_status')
      .on('review_tasks')
      .columns(['status', 'created_ms', 'id'])
      .execute();
    await db.schema
      .createIndex('review_tasks_by_item')
      .on('review_tasks')
      .columns(['item'])
      .execute();
    await db.schema
      .createTable('review_assignments')
      .addColumn('task', 'text', (c) => c.notNull().references('review_tasks.id'))
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addColumn('assigned_ms', 'bigint', (c) => c.notNull())
      .addColumn('expires_ms', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addPrimaryKeyConstraint('review_assignments_pk', ['task', 'reviewer'])
      .execute();
    await db.schema
      .createIndex('review_assignments_by_reviewer')
      .on('review_assignments')
      .columns(['reviewer', 'assigned_ms'])
      .execute();
    await db.schema
      .createTable('review_answers')
      .addColumn('task', 'text', (c) => c.notNull().references('review_tasks.id'))
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_answers_pk', ['task', 'reviewer'])
      .execute();
    await db.schema
      .createTable('review_flags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task', 'text', (c) => c.notNull().references('review_tasks.id'))
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema
      .createIndex('review_flags_by_status')
      .on('review_flags')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema
      .createTable('review_unmask')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task', 'text', (c) => c.notNull().references('review_tasks.id'))
      .addColumn('requester', 'text', (c) => c.notNull())
      .addColumn('justification', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema
      .createTable('review_unmask_approvals')
      .addColumn('request', 'text', (c) => c.notNull().references('review_unmask.id'))
      .addColumn('approver', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_unmask_approvals_pk', ['request', 'approver'])
      .execute();
    await db.schema
      .createTable('review_holds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item', 'text')
      .addColumn('subject', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('released_by', 'text')
      .addColumn('released_at', 'text')
      .execute();
    // Every assignment updates this row first: PostgreSQL then queues concurrent assignments on
    // its row lock, and SQLite's first statement being a write takes the write lock at once.
    await db.schema
      .createTable('review_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('assignments', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into review_state (id, assignments) values (1, 0)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'review_state',
      'review_holds',
      'review_unmask_approvals',
      'review_unmask',
      'review_flags',
      'review_answers',
      'review_assignments',
      'review_tasks',
      'review_items',
    ]) {
      await sql`drop table ${sql.table(table)}`.execute(db);
    }
  },
};
