import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0023-bank-entry-quality: the PDQ quality of a bank entry's own image, when its list
 * said, and on a finding the quality of the entry it matched — so a report shows how
 * trustworthy both sides of a PDQ match are, not only the scanned image's.
 */
export const bankEntryQualityMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('hash_bank_entries').addColumn('quality', 'integer').execute();
    await db.schema.alterTable('findings').addColumn('matched_quality', 'integer').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('findings').dropColumn('matched_quality').execute();
    await db.schema.alterTable('hash_bank_entries').dropColumn('quality').execute();
  },
};
