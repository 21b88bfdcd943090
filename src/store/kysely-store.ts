import { DEFAULT_MIGRATION_TABLE, type Kysely, Migrator, sql } from 'kysely';
import { wrapError } from '../errors/index.js';
import { buildRegistry } from './build-registry.js';
import { consentRegister } from './consent-register.js';
import { emailCodeStore } from './email-codes.js';
import { findingStore } from './findings.js';
import { hashBankStore } from './hash-banks.js';
import { identityLinkRegister } from './identity-links.js';
import { logStorage } from './log-storage.js';
import { metaStore } from './meta.js';
import { type Dialect, InlineMigrations } from './migrations.js';
import { modelRegister } from './model-register.js';
import { rateCounters } from './rate-counters.js';
import { kyselyReviewStore } from './review-store.js';
import type { Database } from './schema.js';
import { sessionDenylist } from './session-denylist.js';
import { spentLinkTokens } from './spent-link-tokens.js';
import { spentMediaLinks } from './spent-media-links.js';
import { kyselyStaffStore } from './staff-store.js';
import type { Store } from './store.js';
import { subjectRequestRegister } from './subject-requests.js';
import { webhookStore } from './webhooks.js';

/**
 * The store over Kysely, one port per file; the SQLite and PostgreSQL adapters differ only in
 * the dialect they pass. Brings the schema up to date first.
 */
export async function openKyselyStore(db: Kysely<Database>, dialect: Dialect): Promise<Store> {
  await migrate(db, dialect);
  return {
    dialect,
    ...consentRegister(db),
    ...subjectRequestRegister(db),
    ...logStorage(db),
    ...buildRegistry(db),
    ...hashBankStore(db, dialect),
    ...findingStore(db),
    ...metaStore(db),
    ...spentLinkTokens(db),
    ...identityLinkRegister(db),
    ...modelRegister(db),
    ...emailCodeStore(db),
    ...sessionDenylist(db),
    ...spentMediaLinks(db),
    ...rateCounters(db),
    ...webhookStore(db),
    staff: kyselyStaffStore(db),
    review: kyselyReviewStore(db),
    async close() {
      await db.destroy();
    },
  };
}

async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite' && (await sqliteUpToDate(db))) return;
  // On PostgreSQL, Kysely looks for its bookkeeping tables in any schema unless told which;
  // a register in one schema would then trip over another schema's. Pin it to ours.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: new InlineMigrations(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw wrapError(error, 'STORE_FAILED', `migration ${failed} failed`);
  }
}

/**
 * Whether a SQLite database has run exactly the migrations this version knows. Every command
 * opens the store, and Kysely's `migrateToLatest` first introspects every table (a `pragma
 * table_info` each) to find its bookkeeping tables, even when nothing is pending: ~20 ms of CPU
 * per start (issue 13). One read answers it; anything else (a new database, a pending or an
 * unknown migration) goes through the Migrator as before, which also reports the errors.
 * Only SQLite: on PostgreSQL the bookkeeping table's schema must be pinned (see `migrate`).
 */
async function sqliteUpToDate(db: Kysely<Database>): Promise<boolean> {
  const known = Object.keys(await new InlineMigrations('sqlite').getMigrations()).sort();
  let done: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(
      DEFAULT_MIGRATION_TABLE,
    )}`.execute(db);
    done = rows.map((r) => r.name).sort();
  } catch {
    return false; // no bookkeeping table yet: a new database
  }
  return done.length === known.length && done.every((name, i) => name === known[i]);
}
