import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0014-spent-link-tokens: the ids of platform link tokens already exchanged for a
 * portal session, each kept until its token can no longer be accepted (expiry plus the clock
 * allowance), so every token is exchanged at most once, across restarts and server processes.
 */
export const spentLinkTokensMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('spent_link_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('keep_until_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('spent_link_tokens_by_expiry')
      .on('spent_link_tokens')
      .column('keep_until_ms')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('spent_link_tokens').execute();
  },
};
