import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIGRATION_NAMES } from '../../src/store/migration-names.js';
import { InlineMigrations } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

// Opening a SQLite store skips Kysely's Migrator when every known migration has run (issue 13:
// the Migrator introspects every table on every command). These check that the short cut
// takes only that case.
describe('opening a SQLite store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'obhut-open-'));
    file = path.join(dir, 'obhut.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const executed = () => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('select name from kysely_migration').all() as { name: string }[])
        .map((r) => r.name)
        .sort();
    } finally {
      db.close();
    }
  };
  const known = async () =>
    Object.keys(await new InlineMigrations('sqlite').getMigrations()).sort();

  it('knows the migrations by name without loading them (migration-names.ts)', async () => {
    expect([...MIGRATION_NAMES].sort()).toEqual(await known());
  });

  it('brings an older database up to date', async () => {
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(file) }),
    });
    const migrator = new Migrator({ db, provider: new InlineMigrations('sqlite') });
    expect((await migrator.migrateTo('0014-spent-link-tokens')).error).toBeUndefined();
    await db.destroy();
    expect(executed()).not.toEqual(await known());
    await (await openSqliteStore(file)).close();
    expect(executed()).toEqual(await known());
  });

  it("skips Kysely's Migrator only when every known migration has run", async () => {
    const run = vi.spyOn(Migrator.prototype, 'migrateToLatest');
    try {
      await (await openSqliteStore(file)).close(); // a new database
      expect(run).toHaveBeenCalledTimes(1);
      await (await openSqliteStore(file)).close(); // up to date
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
  });

  it('still refuses a database that ran a migration this version does not know', async () => {
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(
      '9999-from-a-newer-version',
      new Date().toISOString(),
    );
    db.close();
    await expect(openSqliteStore(file)).rejects.toThrow(/9999-from-a-newer-version/);
  });
});
