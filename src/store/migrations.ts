import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { allMigrationsRun } from './migration-names.js';
import { staffMigration } from './migrations/0008-staff.js';
import { reviewMigration } from './migrations/0009-review.js';
import { staffLockoutMigration } from './migrations/0010-staff-lockout.js';
import { bankLabelledIndexMigration } from './migrations/0011-bank-labelled-index.js';
import { reviewNotesMigration } from './migrations/0012-review-notes.js';
import { reviewExposureMigration } from './migrations/0013-review-exposure.js';
import { spentLinkTokensMigration } from './migrations/0014-spent-link-tokens.js';
import { identityLinksMigration } from './migrations/0015-identity-links.js';
import { reviewRecordIdMigration } from './migrations/0016-review-record-id.js';
import { serverStateMigration } from './migrations/0018-server-state.js';
import { modelsMigration } from './migrations/0019-models.js';
import { webhooksMigration } from './migrations/0020-webhooks.js';
import { requestQueueMigration } from './migrations/0021-request-queue.js';
import { reviewItemRequestsMigration } from './migrations/0022-review-item-requests.js';
import { bankEntryQualityMigration } from './migrations/0023-bank-entry-quality.js';
import { bankRevisionMigration } from './migrations/0024-bank-revision.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The schema's history. One list serves both databases; the only dialect difference is how
 * an auto-incrementing key is spelt.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-consent-and-builds': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('consent_events')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('event_key', 'text', (c) => c.notNull().unique())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('at_ms', 'bigint', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('reference', 'text')
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('consent_events_by_purpose_time')
          .on('consent_events')
          .columns(['purpose', 'at_ms', 'seq'])
          .execute();
        await db.schema
          .createIndex('consent_events_by_subject')
          .on('consent_events')
          .columns(['subject', 'purpose', 'at_ms', 'seq'])
          .execute();
        await db.schema
          .createTable('builds')
          .addColumn('manifest_sha256', 'text', (c) => c.primaryKey())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('consent_at', 'text', (c) => c.notNull())
          .addColumn('items_root', 'text', (c) => c.notNull())
          .addColumn('admitted', 'bigint', (c) => c.notNull())
          .addColumn('excluded', 'bigint', (c) => c.notNull())
          .addColumn('rejected', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('meta')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['meta', 'builds', 'consent_events']) {
          await sql`drop table ${sql.table(table)}`.execute(db);
        }
      },
    },
    '0002-transparency-log': {
      async up(db: Kysely<unknown>) {
        const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
        // Every stored perfect subtree, leaves at level 0: proofs read O(log² n) of these.
        await db.schema
          .createTable('log_nodes')
          .addColumn('level', 'integer', (c) => c.notNull())
          .addColumn('idx', 'bigint', (c) => c.notNull())
          .addColumn('hash', bytes, (c) => c.notNull())
          .addPrimaryKeyConstraint('log_nodes_pk', ['level', 'idx'])
          .execute();
        await db.schema
          .createTable('log_entries')
          .addColumn('idx', 'bigint', (c) => c.primaryKey())
          .addColumn('entry', bytes, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('log_checkpoints')
          .addColumn('size', 'bigint', (c) => c.primaryKey())
          .addColumn('root', bytes, (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        // One row: the tree's size and right edge. Writers lock it first, so appends from the
        // server and the command line never interleave.
        await db.schema
          .createTable('log_state')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('edge', bytes, (c) => c.notNull())
          .execute();
        await sql`insert into log_state (id, size, edge) values (1, 0, ${Buffer.alloc(0)})`.execute(
          db,
        );
        await db.schema.alterTable('consent_events').addColumn('log_index', 'bigint').execute();
        await db.schema
          .createIndex('consent_events_by_log_index')
          .on('consent_events')
          .column('log_index')
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex('consent_events_by_log_index').execute();
        await db.schema.alterTable('consent_events').dropColumn('log_index').execute();
        for (const table of ['log_state', 'log_checkpoints', 'log_entries', 'log_nodes']) {
          await sql`drop table ${sql.table(table)}`.execute(db);
        }
      },
    },
    '0003-build-subjects': {
      async up(db: Kysely<unknown>) {
        const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
        // One column per statement: SQLite adds only one column per ALTER TABLE.
        for (const [column, type] of [
          ['build_id', 'text'],
          ['subjects_root', 'text'],
          ['subjects_count', 'bigint'],
          ['log_index', 'bigint'],
          ['checkpoint_size', 'bigint'],
        ] as const) {
          await db.schema.alterTable('builds').addColumn(column, type).execute();
        }
        await db.schema
          .createIndex('builds_by_build_id')
          .on('builds')
          .column('build_id')
          .unique()
          .execute();
        // The sorted subjects of each build, so the server can answer "is my data in it?" with
        // a proof without the output folder. Chunks keep rows small on both databases.
        await db.schema
          .createTable('build_subjects')
          .addColumn('build_id', 'text', (c) => c.notNull())
          .addColumn('chunk', 'integer', (c) => c.notNull())
          .addColumn('subjects', bytes, (c) => c.notNull())
          .addPrimaryKeyConstraint('build_subjects_pk', ['build_id', 'chunk'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await sql`drop table build_subjects`.execute(db);
        await db.schema.dropIndex('builds_by_build_id').execute();
        for (const column of [
          'checkpoint_size',
          'log_index',
          'subjects_count',
          'subjects_root',
          'build_id',
        ]) {
          await db.schema.alterTable('builds').dropColumn(column).execute();
        }
      },
    },
    '0004-subject-requests': {
      async up(db: Kysely<unknown>) {
        // Access and erasure requests (GDPR Art. 15 and 17): kept by pseudonym, answered by an operator.
        await db.schema
          .createTable('subject_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('message', 'text')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('deadline', 'text', (c) => c.notNull())
          .addColumn('answer', 'text')
          .addColumn('answered_at', 'text')
          .execute();
        await db.schema
          .createIndex('subject_requests_by_subject')
          .on('subject_requests')
          .columns(['subject', 'received_at'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await sql`drop table subject_requests`.execute(db);
      },
    },
    '0005-hash-banks': {
      async up(db: Kysely<unknown>) {
        // Safety hash lists: one row per bank, one per (bank, hash) with its labels as JSON.
        await db.schema
          .createTable('hash_banks')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('signal_type', 'text', (c) => c.notNull())
          .addColumn('source', 'text')
          .addColumn('list_version', 'text')
          .addColumn('threshold', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('hash_bank_entries')
          .addColumn('bank', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('labels', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('hash_bank_entries_pk', ['bank', 'hash'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await sql`drop table hash_bank_entries`.execute(db);
        await sql`drop table hash_banks`.execute(db);
      },
    },
    '0006-findings': {
      async up(db: Kysely<unknown>) {
        // Files that matched a hash bank in a build, with the item's provenance and the report status.
        await db.schema
          .createTable('findings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('build_id', 'text', (c) => c.notNull())
          .addColumn('bank', 'text', (c) => c.notNull())
          .addColumn('signal_type', 'text', (c) => c.notNull())
          .addColumn('bank_version', 'text')
          .addColumn('matched_hash', 'text', (c) => c.notNull())
          .addColumn('distance', 'integer', (c) => c.notNull())
          .addColumn('labels', 'text', (c) => c.notNull())
          .addColumn('hash_policy', 'text')
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('input', 'text', (c) => c.notNull())
          .addColumn('line', 'bigint', (c) => c.notNull())
          .addColumn('source_url', 'text')
          .addColumn('dataset', 'text')
          .addColumn('dataset_version', 'text')
          .addColumn('collected_at', 'text')
          .addColumn('collector', 'text')
          .addColumn('license', 'text')
          .addColumn('item_created_at', 'text')
          .addColumn('visibility', 'text')
          .addColumn('subject', 'text')
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('file_size', 'bigint', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('md5', 'text', (c) => c.notNull())
          .addColumn('pdq', 'text')
          .addColumn('pdq_quality', 'integer')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('report_id', 'text')
          .addColumn('found_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('findings_by_build')
          .on('findings')
          .columns(['build_id', 'found_at'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await sql`drop table findings`.execute(db);
      },
    },
    '0007-bank-allow-list': {
      async up(db: Kysely<unknown>) {
        // Files a finding judged a false positive: a bank never matches them again.
        await db.schema
          .createTable('bank_allow_list')
          .addColumn('bank', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('pdq', 'text')
          .addColumn('finding_id', 'text', (c) => c.notNull())
          .addColumn('added_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('bank_allow_list_pk', ['bank', 'sha256'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await sql`drop table bank_allow_list`.execute(db);
      },
    },
    '0008-staff': staffMigration,
    '0009-review': reviewMigration,
    '0010-staff-lockout': staffLockoutMigration,
    '0011-bank-labelled-index': bankLabelledIndexMigration,
    '0012-review-notes': reviewNotesMigration,
    '0013-review-exposure': reviewExposureMigration,
    '0014-spent-link-tokens': spentLinkTokensMigration,
    '0015-identity-links': identityLinksMigration,
    '0016-review-record-id': reviewRecordIdMigration,
    '0018-server-state': serverStateMigration,
    '0019-models': modelsMigration,
    '0020-webhooks': webhooksMigration(dialect),
    '0021-request-queue': requestQueueMigration,
    '0022-review-item-requests': reviewItemRequestsMigration,
    '0023-bank-entry-quality': bankEntryQualityMigration,
    '0024-bank-revision': bankRevisionMigration,
  };
}

export class InlineMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const all = migrations(this.dialect);
    // The up-to-date check reads MIGRATION_NAMES, not this table: were the two to differ, a
    // register would be taken for migrated when it is not. A programming error, said at once.
    if (!allMigrationsRun(Object.keys(all))) {
      throw new Error('migration-names.ts does not list exactly the migrations of migrations.ts');
    }
    return all;
  }
}
