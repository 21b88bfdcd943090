import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0015-identity-links: links between a person's identities (pseudonyms), each stored
 * with the index of its transparency-log entry in the transaction that appends it. Rows are
 * never updated: an unlink is a row of its own, and the latest row of a pair decides.
 */
export const identityLinksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('identity_links')
      .addColumn('link_key', 'text', (c) => c.primaryKey())
      .addColumn('subject_a', 'text', (c) => c.notNull())
      .addColumn('subject_b', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('platform_a', 'text')
      .addColumn('platform_b', 'text')
      .addColumn('log_index', 'bigint', (c) => c.notNull().unique())
      .execute();
    await db.schema
      .createIndex('identity_links_by_time')
      .on('identity_links')
      .columns(['at_ms', 'log_index'])
      .execute();
    await db.schema
      .createIndex('identity_links_by_a')
      .on('identity_links')
      .column('subject_a')
      .execute();
    await db.schema
      .createIndex('identity_links_by_b')
      .on('identity_links')
      .column('subject_b')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('identity_links').execute();
  },
};
