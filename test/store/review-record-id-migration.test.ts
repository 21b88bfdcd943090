import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineMigrations } from '../../src/store/migrations.js';

// Migration 0016 gives items queued by an older version their record id from the raw record,
// while that is still stored; after retention deleted it, the export says null.
describe('migration 0016-review-record-id', () => {
  let db: Kysely<unknown> | undefined;
  afterEach(async () => {
    await db?.destroy();
  });

  it('backfills the record id from the raw record, and goes down again', async () => {
    db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(':memory:') }),
    });
    const migrator = new Migrator({ db, provider: new InlineMigrations('sqlite') });
    expect((await migrator.migrateTo('0014-spent-link-tokens')).error).toBeUndefined();
    const item = (id: string, raw: string | null) =>
      sql`insert into review_items (id, record_key, kind, subject, needs_consent, view, derived_media,
            raw_record, raw_media, created_at, created_ms, raw_deleted_at, derived_deleted_at)
          values (${id}, ${`key-${id}`}, 'text', null, 0, null, null, ${raw}, null,
            '2026-01-01T00:00:00.000Z', 0, null, null)`.execute(db!);
    await item('ri_kept', JSON.stringify({ id: 'rec-7', text: 'hello' }));
    await item('ri_gone', null);
    await item('ri_odd', JSON.stringify({ id: 7 }));
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await sql<{ id: string; record_id: string | null }>`
      select id, record_id from review_items order by id`.execute(db);
    expect(rows.rows).toEqual([
      { id: 'ri_gone', record_id: null },
      { id: 'ri_kept', record_id: 'rec-7' },
      { id: 'ri_odd', record_id: null },
    ]);
    expect((await migrator.migrateTo('0014-spent-link-tokens')).error).toBeUndefined();
    const columns = await sql<{ name: string }>`pragma table_info(review_items)`.execute(db);
    expect(columns.rows.map((c) => c.name)).not.toContain('record_id');
  });
});
