import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migration 0016-review-record-id: each review item keeps its record's id beside the hashed key,
 * so `obhut review export` can name the record a label belongs to after retention deleted the raw
 * record. Items queued earlier get it from their raw record while that is still stored.
 */
export const reviewRecordIdMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('review_items').addColumn('record_id', 'text').execute();
    const rows = await sql<{ id: string; raw_record: string }>`
      select id, raw_record from review_items where raw_record is not null`.execute(db);
    for (const row of rows.rows) {
      const id = recordIdOf(row.raw_record);
      if (id !== undefined)
        await sql`update review_items set record_id = ${id} where id = ${row.id}`.execute(db);
    }
    await db.schema
      .createIndex('review_answers_by_time')
      .on('review_answers')
      .columns(['answered_at', 'task'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index review_answers_by_time`.execute(db);
    await db.schema.alterTable('review_items').dropColumn('record_id').execute();
  },
};

function recordIdOf(raw: string): string | undefined {
  try {
    const record = JSON.parse(raw) as { id?: unknown };
    return typeof record.id === 'string' ? record.id : undefined;
  } catch {
    return undefined;
  }
}
