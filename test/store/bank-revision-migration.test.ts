import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineMigrations } from '../../src/store/migrations.js';

// Migration 0024 gives every bank imported before it a revision of its own, so that a kept
// index (src/safety/bank-index-file.ts) can be checked against it from the first build on.
describe('migration 0024-bank-revision', () => {
  let db: Kysely<unknown> | undefined;
  afterEach(async () => {
    await db?.destroy();
  });

  it('gives each existing bank its own random revision, and goes down again', async () => {
    db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(':memory:') }),
    });
    const migrator = new Migrator({ db, provider: new InlineMigrations('sqlite') });
    expect((await migrator.migrateTo('0023-bank-entry-quality')).error).toBeUndefined();
    for (const name of ['a', 'b']) {
      await sql`insert into hash_banks (name, signal_type, source, list_version, threshold, updated_at)
        values (${name}, 'pdq', null, null, 31, '2026-01-01T00:00:00.000Z')`.execute(db);
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = (
      await sql<{ name: string; revision: string }>`
        select name, revision from hash_banks order by name`.execute(db)
    ).rows;
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
    for (const r of rows) expect(r.revision).toMatch(/^[0-9a-f]{32}$/);
    expect(rows[0]!.revision).not.toBe(rows[1]!.revision);
    expect((await migrator.migrateTo('0023-bank-entry-quality')).error).toBeUndefined();
    const columns = await sql<{ name: string }>`pragma table_info(hash_banks)`.execute(db);
    expect(columns.rows.map((c) => c.name)).not.toContain('revision');
  });
});
