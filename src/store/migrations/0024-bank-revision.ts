import type { Kysely, Migration } from 'kysely';
import { newBankRevision } from '../bank-revision.js';

/**
 * Migration 0024-bank-revision: a bank's revision, a random value that every import sets anew.
 * A bank's hashes and their matching index are kept in a file per bank in the home folder
 * (src/safety/bank-index-file.ts), so that a build need not read and index every hash again;
 * the revision says whether such a file still describes the bank. Banks imported before get
 * one each here.
 */
export const bankRevisionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('hash_banks').addColumn('revision', 'text').execute();
    const untyped = db as Kysely<{ hash_banks: { name: string; revision: string | null } }>;
    const banks = await untyped.selectFrom('hash_banks').select('name').execute();
    for (const { name } of banks) {
      await untyped
        .updateTable('hash_banks')
        .set({ revision: newBankRevision() })
        .where('name', '=', name)
        .execute();
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('hash_banks').dropColumn('revision').execute();
  },
};
