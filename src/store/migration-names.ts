// The names of the migrations this version knows (migrations.ts), without the migrations
// themselves, which need Kysely: a command that finds a SQLite register up to date reads this
// list instead (sqlite-reader.ts, kysely-store.ts). It must equal migrations.ts: a list one
// migration behind would take a register one migration behind for up to date and never migrate
// it, so migrations.ts refuses to load migrations that differ from it (and
// test/store/sqlite-open.test.ts checks the two).

export const MIGRATION_NAMES: readonly string[] = [
  '0001-consent-and-builds',
  '0002-transparency-log',
  '0003-build-subjects',
  '0004-subject-requests',
  '0005-hash-banks',
  '0006-findings',
  '0007-bank-allow-list',
  '0008-staff',
  '0009-review',
  '0010-staff-lockout',
  '0011-bank-labelled-index',
  '0012-review-notes',
  '0013-review-exposure',
  '0014-spent-link-tokens',
  '0015-identity-links',
  '0016-review-record-id',
  '0018-server-state',
  '0019-models',
  '0020-webhooks',
  '0021-request-queue',
  '0022-review-item-requests',
  '0023-bank-entry-quality',
  '0024-bank-revision',
];

/** Kysely's bookkeeping table (its `DEFAULT_MIGRATION_TABLE`). */
export const MIGRATION_TABLE = 'kysely_migration';

/** Whether `done` (the names in the bookkeeping table) are exactly the known migrations. */
export function allMigrationsRun(done: readonly string[]): boolean {
  const known = [...MIGRATION_NAMES].sort();
  const sorted = [...done].sort();
  return sorted.length === known.length && sorted.every((name, i) => name === known[i]);
}
