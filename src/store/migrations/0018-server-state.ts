import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0018-server-state: what `obhut serve` used to keep in one process's memory, so that
 * several processes on one database behave as one server: pending e-mail codes, signed-out
 * portal sessions, redeemed review media links and rate-limit counters. Every row has an expiry
 * with an index on it; expired rows are deleted as new ones arrive.
 */
export const serverStateMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('email_codes')
      .addColumn('address', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('expires_ms', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('session_denylist')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('keep_until_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('spent_media_links')
      .addColumn('nonce', 'text', (c) => c.primaryKey())
      .addColumn('keep_until_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('rate_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'bigint', (c) => c.notNull())
      .addColumn('window_ends_ms', 'bigint', (c) => c.notNull())
      .execute();
    for (const [table, column] of [
      ['email_codes', 'expires_ms'],
      ['session_denylist', 'keep_until_ms'],
      ['spent_media_links', 'keep_until_ms'],
      ['rate_counters', 'window_ends_ms'],
    ] as const) {
      await db.schema.createIndex(`${table}_by_expiry`).on(table).column(column).execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['rate_counters', 'spent_media_links', 'session_denylist', 'email_codes']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
