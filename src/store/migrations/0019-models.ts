import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0019-models: the model register. A model (name, version) was trained on builds; each
 * row is written after the model's `model` entry is in the transparency log, and keeps its index.
 */
export const modelsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('models')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('card_sha256', 'text')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('log_index', 'bigint', (c) => c.notNull().unique())
      .addPrimaryKeyConstraint('models_pk', ['name', 'version'])
      .execute();
    await db.schema
      .createTable('model_builds')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('build_id', 'text', (c) => c.notNull())
      .addColumn('manifest_sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_builds_pk', ['name', 'version', 'build_id'])
      .execute();
    await db.schema
      .createIndex('model_builds_by_build')
      .on('model_builds')
      .column('build_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('model_builds').execute();
    await db.schema.dropTable('models').execute();
  },
};
