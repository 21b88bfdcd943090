import { type Kysely, Migrator, sql } from 'kysely';
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
 * the dialect they pass. Brings the schema up to date first, unless the caller found every
 * migration already run (SQLite: `sqliteUpToDate`).
 */
export async function openKyselyStore(
  db: Kysely<Database>,
  dialect: Dialect,
  upToDate = false,
): Promise<Store> {
  if (!upToDate) await migrate(db, dialect);
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
  let { error, results } = await migrator.migrateToLatest();
  // Kysely finds its bookkeeping tables by listing every schema of the database with
  // has_schema_privilege(name), which fails with 3F000 when another schema is dropped while the
  // list is read (another tenant, or another test file on a shared server). Nothing of ours
  // failed: the listing is read again, a few times at most.
  for (let retry = 0; retry < 3 && error && !results?.length && isDroppedSchema(error); retry++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw wrapError(error, 'STORE_FAILED', `migration ${failed} failed`);
  }
}

function isDroppedSchema(err: unknown): boolean {
  return (err as { code?: unknown } | undefined)?.code === '3F000';
}
