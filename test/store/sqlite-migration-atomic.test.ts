import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InlineMigrations } from '../../src/store/migrations.js';
import { openSqliteStore, registerSqliteDialect } from '../../src/store/sqlite.js';

// A migration that fails half-way (as a killed process would stop it) must leave the register
// as it was, so that the next open runs it again from the start. Migration 0024 adds a column
// and then updates every bank: a trigger that refuses updates makes it fail between the two.
describe('a SQLite migration that fails half-way', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'obhut-migrate-'));
    file = path.join(dir, 'obhut.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const columns = (table: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
    } finally {
      db.close();
    }
  };

  it('leaves no column and no bookkeeping row behind, and runs again once the cause is gone', async () => {
    const db = new Kysely<unknown>({ dialect: registerSqliteDialect(new Database(file)) });
    const migrator = new Migrator({ db, provider: new InlineMigrations('sqlite') });
    expect((await migrator.migrateTo('0023-bank-entry-quality')).error).toBeUndefined();
    await db.destroy();

    const raw = new Database(file);
    raw
      .prepare(
        "insert into hash_banks (name, signal_type, threshold, updated_at) values ('b', 'pdq', 31, '2026-01-01T00:00:00Z')",
      )
      .run();
    raw.exec(
      "create trigger refuse_updates before update on hash_banks begin select raise(abort, 'refused'); end",
    );
    raw.close();

    await expect(openSqliteStore(file)).rejects.toThrow(/0024-bank-revision/);
    expect(columns('hash_banks')).not.toContain('revision');

    const fix = new Database(file);
    fix.exec('drop trigger refuse_updates');
    fix.close();
    const store = await openSqliteStore(file);
    await store.close();
    expect(columns('hash_banks')).toContain('revision');
  });
});
