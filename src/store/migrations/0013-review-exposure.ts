import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migration 0013-review-exposure: what each reviewer was given to listen to or look at, once per
 * task, for the daily exposure limit and the leads' wellness figures. Audio counts its duration,
 * an image a fixed amount (see `exposureMs`). Staff ids and task ids only: nothing of the item.
 */
export const reviewExposureMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('review_exposure')
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('task', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('exposure_ms', 'bigint', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_exposure_pk', ['reviewer', 'task'])
      .execute();
    await db.schema
      .createIndex('review_exposure_by_time')
      .on('review_exposure')
      .columns(['at_ms', 'reviewer'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table review_exposure`.execute(db);
  },
};
