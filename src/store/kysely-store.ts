import { type Kysely, Migrator, type Selectable, sql } from 'kysely';
import { ObhutError, wrapError } from '../errors/index.js';
import type { NodeKey } from '../merkle/index.js';
import type { ConsentAction, ConsentChannel, Purpose } from '../records/index.js';
import type { BankEntry, HashBank, SignalType } from '../safety/bank.js';
import type { Finding, FindingStatus } from '../safety/finding.js';
import type { HashPolicy } from '../safety/image-input.js';
import type { BankSignals } from '../safety/matcher.js';
import { guard, insertedAny, optional } from './guard.js';
import { appendInTransaction } from './log-append.js';
import { type Dialect, InlineMigrations } from './migrations.js';
import { KyselyReviewStore, type ReviewStore } from './review-store.js';
import type {
  ConsentEventTable,
  Database,
  FindingTable,
  LogCheckpointTable,
  SubjectRequestTable,
} from './schema.js';
import { KyselyStaffStore, type StaffStore } from './staff-store.js';
import type {
  AllowedFile,
  BankImportResult,
  BuildSummary,
  CheckpointSigner,
  LogAppend,
  LogBatchResult,
  NewConsentEvent,
  ScannedConsentEvent,
  Store,
  StoredCheckpoint,
  StoredConsentEvent,
  StoredHashBank,
  SubjectRequest,
} from './store.js';

// Well under SQLite's and PostgreSQL's bound-parameter limits at 9 columns a row.
export const INSERT_BATCH = 500;
const SUBJECT_BYTES = 32;
// 4,096 subjects (128 KiB) a row, 16 rows (2 MiB) an INSERT.
const SUBJECTS_PER_ROW = 4096;
const ROWS_PER_INSERT = 16;

/** The store over Kysely; the SQLite and PostgreSQL adapters differ only in the dialect they pass. */
export class KyselyStore implements Store {
  readonly staff: StaffStore;
  readonly review: ReviewStore;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {
    this.staff = new KyselyStaffStore(db);
    this.review = new KyselyReviewStore(db);
  }

  async migrate(): Promise<void> {
    // On PostgreSQL, Kysely looks for its bookkeeping tables in any schema unless told which;
    // a register in one schema would then trip over another schema's. Pin it to ours.
    const schema =
      this.dialect === 'postgres'
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(this.db))
            .rows[0]?.schema
        : undefined;
    const migrator = new Migrator({
      db: this.db,
      provider: new InlineMigrations(this.dialect),
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw wrapError(error, 'STORE_FAILED', `migration ${failed} failed`);
    }
  }

  async appendConsentEvents(events: readonly NewConsentEvent[]) {
    const recordedAt = new Date().toISOString();
    let inserted = 0;
    await guard('appending consent events', () =>
      this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < events.length; i += INSERT_BATCH) {
          const rows = events.slice(i, i + INSERT_BATCH).map((e) => ({
            event_key: e.key,
            subject: e.subject,
            purpose: e.purpose,
            action: e.action,
            at: e.at,
            at_ms: e.atMs,
            channel: e.channel,
            reference: e.reference ?? null,
            recorded_at: recordedAt,
          }));
          const result = await trx
            .insertInto('consent_events')
            .values(rows)
            .onConflict((oc) => oc.column('event_key').doNothing())
            .executeTakeFirst();
          inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
        }
      }),
    );
    return { inserted, skipped: events.length - inserted };
  }

  async consentEventsOf(subject: string): Promise<StoredConsentEvent[]> {
    const rows = await guard('reading consent events', () =>
      this.db
        .selectFrom('consent_events')
        .selectAll()
        .where('subject', '=', subject)
        .orderBy('purpose')
        .orderBy('at_ms')
        .orderBy('seq')
        .execute(),
    );
    return rows.map(toEvent);
  }

  async *scanConsentEvents(
    purpose: string,
    asOfMs: number,
    options: { pageSize?: number; logSize?: number } = {},
  ): AsyncGenerator<ScannedConsentEvent[]> {
    const pageSize = options.pageSize ?? 10_000;
    const logSize = options.logSize;
    // Keyset pagination on (at_ms, seq): stable while other writers append, and it needs no
    // server-side cursor, which the SQLite and PostgreSQL drivers expose differently.
    let after: { atMs: number; seq: number } | undefined;
    for (;;) {
      const cursor = after;
      const rows = await guard('scanning consent events', () => {
        let query = this.db
          .selectFrom('consent_events')
          .select(['seq', 'subject', 'purpose', 'action', 'at', 'at_ms', 'channel'])
          .where('purpose', '=', purpose)
          .where('at_ms', '<=', asOfMs);
        // A build honours the registry as of a log checkpoint: later events are not yet proven.
        if (logSize !== undefined) query = query.where('log_index', '<', logSize);
        if (cursor) {
          // A row-value comparison, not an OR of two conditions: both databases then seek
          // in the (purpose, at_ms, seq) index instead of rescanning from the start each page.
          query = query.where((eb) =>
            eb(eb.refTuple('at_ms', 'seq'), '>', eb.tuple(cursor.atMs, cursor.seq)),
          );
        }
        return query.orderBy('at_ms').orderBy('seq').limit(pageSize).execute();
      });
      if (rows.length === 0) return;
      const page = rows.map(toScanned);
      yield page;
      const last = page.at(-1)!;
      after = { atMs: last.atMs, seq: last.seq };
      if (rows.length < pageSize) return;
    }
  }

  async countConsentEvents(): Promise<number> {
    const row = await guard('counting consent events', () =>
      this.db
        .selectFrom('consent_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  async recordBuild(build: BuildSummary, subjects?: Iterable<Uint8Array>): Promise<void> {
    await guard('recording the build', () =>
      this.db.transaction().execute(async (trx) => {
        const result = await trx
          .insertInto('builds')
          .values({
            manifest_sha256: build.manifestSha256,
            purpose: build.purpose,
            consent_at: build.consentAt,
            items_root: build.itemsRoot,
            admitted: build.admitted,
            excluded: build.excluded,
            rejected: build.rejected,
            created_at: build.createdAt,
            build_id: build.buildId ?? null,
            subjects_root: build.subjectsRoot ?? null,
            subjects_count: build.subjectsCount ?? null,
            log_index: build.logIndex ?? null,
            checkpoint_size: build.checkpointSize ?? null,
          })
          // A byte-identical rebuild has the same manifest; keep the first record of it.
          .onConflict((oc) => oc.column('manifest_sha256').doNothing())
          .executeTakeFirst();
        const inserted = insertedAny(result);
        if (!inserted || build.buildId === undefined || subjects === undefined) return;
        const buildId = build.buildId;
        let rows: { build_id: string; chunk: number; subjects: Buffer }[] = [];
        let chunk = 0;
        const flush = async () => {
          if (rows.length > 0) await trx.insertInto('build_subjects').values(rows).execute();
          rows = [];
        };
        for (const block of rechunk(subjects, SUBJECTS_PER_ROW * SUBJECT_BYTES)) {
          rows.push({ build_id: buildId, chunk: chunk++, subjects: block });
          if (rows.length === ROWS_PER_INSERT) await flush();
        }
        await flush();
      }),
    );
  }

  async listBuilds(): Promise<BuildSummary[]> {
    const rows = await guard('listing builds', () =>
      this.db.selectFrom('builds').selectAll().orderBy('created_at').execute(),
    );
    return rows.map((r) => ({
      manifestSha256: r.manifest_sha256,
      purpose: r.purpose,
      consentAt: r.consent_at,
      itemsRoot: r.items_root,
      admitted: Number(r.admitted),
      excluded: Number(r.excluded),
      rejected: Number(r.rejected),
      createdAt: r.created_at,
      ...optional('buildId', r.build_id),
      ...optional('subjectsRoot', r.subjects_root),
      ...optional('subjectsCount', r.subjects_count === null ? null : Number(r.subjects_count)),
      ...optional('logIndex', r.log_index === null ? null : Number(r.log_index)),
      ...optional('checkpointSize', r.checkpoint_size === null ? null : Number(r.checkpoint_size)),
    }));
  }

  async buildSubjects(buildId: string): Promise<Buffer | undefined> {
    return guard('reading build subjects', async () => {
      const build = await this.db
        .selectFrom('builds')
        .select('subjects_count')
        .where('build_id', '=', buildId)
        .executeTakeFirst();
      if (build?.subjects_count === undefined || build.subjects_count === null) return undefined;
      const rows = await this.db
        .selectFrom('build_subjects')
        .select('subjects')
        .where('build_id', '=', buildId)
        .orderBy('chunk')
        .execute();
      return Buffer.concat(rows.map((r) => Buffer.from(r.subjects)));
    });
  }

  appendToLog(appends: readonly LogAppend[], sign: CheckpointSigner): Promise<LogBatchResult> {
    return guard('appending to the transparency log', () =>
      this.db.transaction().execute((trx) => appendInTransaction(trx, appends, sign)),
    );
  }

  async logSize(): Promise<number> {
    const row = await guard('reading the log size', () =>
      this.db.selectFrom('log_state').select('size').where('id', '=', 1).executeTakeFirstOrThrow(),
    );
    return Number(row.size);
  }

  async logEntries(start: number, end: number): Promise<Buffer[]> {
    const rows = await guard('reading log entries', () =>
      this.db
        .selectFrom('log_entries')
        .select(['idx', 'entry'])
        .where('idx', '>=', start)
        .where('idx', '<', end)
        .orderBy('idx')
        .execute(),
    );
    return rows.map((r) => Buffer.from(r.entry));
  }

  async logNodes(keys: readonly NodeKey[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    // One query per chunk of keys, not per tree level: a proof's nodes span ~15 levels.
    for (let i = 0; i < keys.length; i += INSERT_BATCH) {
      const byLevel = new Map<number, number[]>();
      for (const [level, index] of keys.slice(i, i + INSERT_BATCH)) {
        const list = byLevel.get(level);
        if (list) list.push(index);
        else byLevel.set(level, [index]);
      }
      const rows = await guard('reading log nodes', () =>
        this.db
          .selectFrom('log_nodes')
          .select(['level', 'idx', 'hash'])
          .where((eb) =>
            eb.or(
              [...byLevel].map(([level, indices]) =>
                eb.and([eb('level', '=', level), eb('idx', 'in', indices)]),
              ),
            ),
          )
          .execute(),
      );
      for (const r of rows) found.set(`${r.level}/${Number(r.idx)}`, Buffer.from(r.hash));
    }
    return found;
  }

  async logCheckpoint(size?: number): Promise<StoredCheckpoint | undefined> {
    const row = await guard('reading a checkpoint', () => {
      const query = this.db.selectFrom('log_checkpoints').selectAll();
      return size === undefined
        ? query.orderBy('size', 'desc').limit(1).executeTakeFirst()
        : query.where('size', '=', size).executeTakeFirst();
    });
    return row && toCheckpoint(row);
  }

  async *logCheckpoints(pageSize = 1000): AsyncGenerator<StoredCheckpoint[]> {
    let after = -1;
    for (;;) {
      const from = after;
      const rows = await guard('reading checkpoints', () =>
        this.db
          .selectFrom('log_checkpoints')
          .selectAll()
          .where('size', '>', from)
          .orderBy('size')
          .limit(pageSize)
          .execute(),
      );
      if (rows.length === 0) return;
      yield rows.map(toCheckpoint);
      after = Number(rows.at(-1)!.size);
    }
  }

  async unloggedConsentEvents(limit: number): Promise<StoredConsentEvent[]> {
    const rows = await guard('reading unlogged consent events', () =>
      this.db
        .selectFrom('consent_events')
        .selectAll()
        .where('log_index', 'is', null)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    );
    return rows.map(toEvent);
  }

  async createSubjectRequest(r: SubjectRequest): Promise<void> {
    await guard('storing a subject request', () =>
      this.db
        .insertInto('subject_requests')
        .values({
          id: r.id,
          subject: r.subject,
          kind: r.kind,
          status: r.status,
          message: r.message ?? null,
          received_at: r.receivedAt,
          deadline: r.deadline,
          answer: r.answer ?? null,
          answered_at: r.answeredAt ?? null,
        })
        .execute(),
    );
  }

  async subjectRequests(subject?: string): Promise<SubjectRequest[]> {
    const rows = await guard('reading subject requests', () => {
      let query = this.db.selectFrom('subject_requests').selectAll();
      if (subject !== undefined) query = query.where('subject', '=', subject);
      return query.orderBy('received_at', 'desc').orderBy('id').limit(1000).execute();
    });
    return rows.map(toSubjectRequest);
  }

  async updateSubjectRequest(
    id: string,
    update: Pick<SubjectRequest, 'status' | 'answer'>,
  ): Promise<SubjectRequest | undefined> {
    await guard('updating a subject request', () =>
      this.db
        .updateTable('subject_requests')
        .set({
          status: update.status,
          answer: update.answer ?? null,
          answered_at: update.answer === undefined ? null : new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute(),
    );
    const row = await guard('reading a subject request', () =>
      this.db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row && toSubjectRequest(row);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = await guard('reading metadata', () =>
      this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst(),
    );
    return row?.value;
  }

  async initMeta(key: string, value: string): Promise<string> {
    await guard('writing metadata', () =>
      this.db
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute(),
    );
    return (await this.getMeta(key))!;
  }

  async importBank(bank: HashBank, entries: readonly BankEntry[]): Promise<BankImportResult> {
    return guard('importing a hash bank', () =>
      this.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('hash_banks')
          .select('signal_type')
          .where('name', '=', bank.name)
          .executeTakeFirst();
        if (existing && existing.signal_type !== bank.signalType) {
          throw new ObhutError(
            'BANK_INVALID',
            `bank ${bank.name} holds ${existing.signal_type} hashes, not ${bank.signalType}`,
          );
        }
        const row = {
          signal_type: bank.signalType,
          source: bank.source,
          list_version: bank.listVersion,
          threshold: bank.threshold,
          updated_at: new Date().toISOString(),
        };
        if (existing) {
          await trx.updateTable('hash_banks').set(row).where('name', '=', bank.name).execute();
        } else {
          await trx
            .insertInto('hash_banks')
            .values({ name: bank.name, ...row })
            .execute();
        }
        let inserted = 0;
        let alreadyPresent = 0;
        for (let start = 0; start < entries.length; start += 500) {
          const chunk = entries.slice(start, start + 500);
          const held = new Map(
            (
              await trx
                .selectFrom('hash_bank_entries')
                .select(['hash', 'labels'])
                .where('bank', '=', bank.name)
                .where(
                  'hash',
                  'in',
                  chunk.map((e) => e.hash),
                )
                .execute()
            ).map((r) => [r.hash, JSON.parse(r.labels) as string[]]),
          );
          const fresh = chunk.filter((e) => !held.has(e.hash));
          if (fresh.length > 0) {
            await trx
              .insertInto('hash_bank_entries')
              .values(
                fresh.map((e) => ({
                  bank: bank.name,
                  hash: e.hash,
                  labels: JSON.stringify(e.labels),
                })),
              )
              .execute();
          }
          for (const e of chunk) {
            const old = held.get(e.hash);
            if (!old) continue;
            const merged = [...new Set([...old, ...e.labels])].sort();
            if (merged.length !== old.length) {
              await trx
                .updateTable('hash_bank_entries')
                .set({ labels: JSON.stringify(merged) })
                .where('bank', '=', bank.name)
                .where('hash', '=', e.hash)
                .execute();
            }
          }
          inserted += fresh.length;
          alreadyPresent += chunk.length - fresh.length;
        }
        return { inserted, alreadyPresent };
      }),
    );
  }

  async listBanks(): Promise<StoredHashBank[]> {
    const rows = await guard('listing hash banks', () =>
      this.db
        .selectFrom('hash_banks as b')
        .leftJoin('hash_bank_entries as e', 'e.bank', 'b.name')
        .select((eb) => [
          'b.name',
          'b.signal_type',
          'b.source',
          'b.list_version',
          'b.threshold',
          'b.updated_at',
          eb.fn.count<number | string | bigint>('e.hash').as('entries'),
        ])
        .groupBy([
          'b.name',
          'b.signal_type',
          'b.source',
          'b.list_version',
          'b.threshold',
          'b.updated_at',
        ])
        .orderBy('b.name')
        .execute(),
    );
    return rows.map((r) => ({
      name: r.name,
      signalType: r.signal_type as SignalType,
      source: r.source,
      listVersion: r.list_version,
      threshold: Number(r.threshold),
      entries: Number(r.entries),
      updatedAt: r.updated_at,
    }));
  }

  async bankEntries(name: string): Promise<BankEntry[] | undefined> {
    return guard('reading a hash bank', async () => {
      if (!(await this.#hasBank(name))) return undefined;
      const rows = await this.db
        .selectFrom('hash_bank_entries')
        .select(['hash', 'labels'])
        .where('bank', '=', name)
        .orderBy('hash')
        .execute();
      return rows.map((r) => ({ hash: r.hash, labels: JSON.parse(r.labels) as string[] }));
    });
  }

  async bankSignals(name: string): Promise<BankSignals | undefined> {
    return guard('reading a hash bank', async () => {
      if (!(await this.#hasBank(name))) return undefined;
      // One aggregated row instead of a row object per hash: loading a million-hash bank was
      // 3 s of row materialisation. SQLite concatenates a subquery in its order (read from the
      // primary key alone); PostgreSQL needs the order inside the aggregate.
      const all =
        this.dialect === 'postgres'
          ? sql<{ hashes: string | null; count: string | number }>`
              select string_agg(hash, '' order by hash) as hashes, count(*) as count
              from hash_bank_entries where bank = ${name}`
          : sql<{ hashes: string | null; count: string | number }>`
              select group_concat(hash, '') as hashes, count(*) as count
              from (select hash from hash_bank_entries where bank = ${name} order by hash)`;
      const [row] = (await all.execute(this.db)).rows;
      const labelled = await this.db
        .selectFrom('hash_bank_entries')
        .select(['hash', 'labels'])
        .where('bank', '=', name)
        // Literally the predicate of the partial index hash_bank_entries_labelled (0011), so a
        // planner need not prove that a bound parameter equals it.
        .where(sql<boolean>`labels <> '[]'`)
        .orderBy('hash')
        .execute();
      return {
        hashes: row?.hashes ?? '',
        count: Number(row?.count ?? 0),
        labelled: labelled.map((r) => ({ hash: r.hash, labels: JSON.parse(r.labels) as string[] })),
      };
    });
  }

  async recordFinding(f: Finding): Promise<boolean> {
    const p = f.provenance;
    const result = await guard('storing a finding', () =>
      this.db
        .insertInto('findings')
        .values({
          id: f.id,
          build_id: f.buildId,
          bank: f.bank,
          signal_type: f.signalType,
          bank_version: f.bankVersion ?? null,
          matched_hash: f.matchedHash,
          distance: f.distance,
          labels: JSON.stringify(f.labels),
          hash_policy: f.hashPolicy ?? null,
          record_id: p.recordId,
          input: p.input,
          line: p.line,
          source_url: p.sourceUrl ?? null,
          dataset: p.dataset ?? null,
          dataset_version: p.datasetVersion ?? null,
          collected_at: p.collectedAt ?? null,
          collector: p.collector ?? null,
          license: p.license ?? null,
          item_created_at: p.createdAt ?? null,
          visibility: p.visibility ?? null,
          subject: p.subject ?? null,
          file_name: f.file.name,
          file_size: f.file.size,
          sha256: f.file.sha256,
          md5: f.file.md5,
          pdq: f.file.pdq ?? null,
          pdq_quality: f.file.pdqQuality ?? null,
          status: f.status,
          report_id: f.reportId ?? null,
          found_at: f.foundAt,
          updated_at: f.updatedAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst(),
    );
    return insertedAny(result);
  }

  async listFindings(
    filter: { buildId?: string; status?: FindingStatus } = {},
  ): Promise<Finding[]> {
    const rows = await guard('listing findings', () => {
      let query = this.db.selectFrom('findings').selectAll();
      if (filter.buildId !== undefined) query = query.where('build_id', '=', filter.buildId);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return query.orderBy('found_at').orderBy('id').execute();
    });
    return rows.map(toFinding);
  }

  async getFinding(id: string): Promise<Finding | undefined> {
    const row = await guard('reading a finding', () =>
      this.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst(),
    );
    return row && toFinding(row);
  }

  async updateFindingStatus(
    id: string,
    status: FindingStatus,
    reportId?: string,
  ): Promise<Finding | undefined> {
    // The status and the bank's allow list change together: a finding judged a false positive
    // lets its file through the next build, and judging it otherwise later takes that back.
    await guard('updating a finding', () =>
      this.db.transaction().execute(async (tx) => {
        const now = new Date().toISOString();
        const row = await tx
          .selectFrom('findings')
          .select(['bank', 'sha256', 'pdq'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return;
        await tx
          .updateTable('findings')
          .set({ status, report_id: reportId ?? null, updated_at: now })
          .where('id', '=', id)
          .execute();
        if (status === 'false_positive') {
          await tx
            .insertInto('bank_allow_list')
            .values({
              bank: row.bank,
              sha256: row.sha256,
              pdq: row.pdq,
              finding_id: id,
              added_at: now,
            })
            .onConflict((oc) => oc.columns(['bank', 'sha256']).doNothing())
            .execute();
        } else {
          await tx.deleteFrom('bank_allow_list').where('finding_id', '=', id).execute();
        }
      }),
    );
    return this.getFinding(id);
  }

  async spendLinkToken(id: string, keepUntilMs: number, nowMs: number): Promise<boolean> {
    return guard('recording an exchanged link token', async () => {
      await this.db.deleteFrom('spent_link_tokens').where('keep_until_ms', '<', nowMs).execute();
      const result = await this.db
        .insertInto('spent_link_tokens')
        .values({ id, keep_until_ms: keepUntilMs })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return insertedAny(result);
    });
  }

  async bankAllowList(bank: string): Promise<AllowedFile[]> {
    const rows = await guard('reading an allow list', () =>
      this.db
        .selectFrom('bank_allow_list')
        .selectAll()
        .where('bank', '=', bank)
        .orderBy('sha256')
        .execute(),
    );
    return rows.map((r) => ({
      bank: r.bank,
      sha256: r.sha256,
      ...optional('pdq', r.pdq),
      findingId: r.finding_id,
      addedAt: r.added_at,
    }));
  }

  async #hasBank(name: string): Promise<boolean> {
    const bank = await this.db
      .selectFrom('hash_banks')
      .select('name')
      .where('name', '=', name)
      .executeTakeFirst();
    return bank !== undefined;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function toFinding(r: Selectable<FindingTable>): Finding {
  return {
    id: r.id,
    buildId: r.build_id,
    bank: r.bank,
    signalType: r.signal_type as SignalType,
    ...optional('bankVersion', r.bank_version),
    matchedHash: r.matched_hash,
    distance: Number(r.distance),
    labels: JSON.parse(r.labels) as string[],
    ...optional('hashPolicy', r.hash_policy as HashPolicy | null),
    provenance: {
      recordId: r.record_id,
      input: r.input,
      line: Number(r.line),
      ...optional('sourceUrl', r.source_url),
      ...optional('dataset', r.dataset),
      ...optional('datasetVersion', r.dataset_version),
      ...optional('collectedAt', r.collected_at),
      ...optional('collector', r.collector),
      ...optional('license', r.license),
      ...optional('createdAt', r.item_created_at),
      ...optional('visibility', r.visibility),
      ...optional('subject', r.subject),
    },
    file: {
      name: r.file_name,
      size: Number(r.file_size),
      sha256: r.sha256,
      md5: r.md5,
      ...optional('pdq', r.pdq),
      ...optional('pdqQuality', r.pdq_quality === null ? null : Number(r.pdq_quality)),
    },
    status: r.status as FindingStatus,
    ...optional('reportId', r.report_id),
    foundAt: r.found_at,
    updatedAt: r.updated_at,
  };
}

function toSubjectRequest(row: Selectable<SubjectRequestTable>): SubjectRequest {
  return {
    id: row.id,
    subject: row.subject,
    kind: row.kind as SubjectRequest['kind'],
    status: row.status as SubjectRequest['status'],
    message: row.message ?? undefined,
    receivedAt: row.received_at,
    deadline: row.deadline,
    answer: row.answer ?? undefined,
    answeredAt: row.answered_at ?? undefined,
  };
}

/** Regroups consecutive byte blocks into blocks of exactly `size` bytes (the last may be short). */
function* rechunk(blocks: Iterable<Uint8Array>, size: number): Generator<Buffer> {
  let pending = Buffer.allocUnsafe(size);
  let used = 0;
  for (const block of blocks) {
    let at = 0;
    while (at < block.length) {
      const n = Math.min(size - used, block.length - at);
      pending.set(block.subarray(at, at + n), used);
      used += n;
      at += n;
      if (used === size) {
        yield pending;
        pending = Buffer.allocUnsafe(size);
        used = 0;
      }
    }
  }
  if (used > 0) yield pending.subarray(0, used);
}

function toCheckpoint(row: Selectable<LogCheckpointTable>): StoredCheckpoint {
  return {
    size: Number(row.size),
    root: Buffer.from(row.root),
    note: row.note,
    createdAt: row.created_at,
  };
}

function toScanned(
  row: Pick<
    Selectable<ConsentEventTable>,
    'seq' | 'subject' | 'purpose' | 'action' | 'at' | 'at_ms' | 'channel'
  >,
): ScannedConsentEvent {
  return {
    seq: Number(row.seq),
    subject: row.subject,
    purpose: row.purpose as Purpose,
    action: row.action as ConsentAction,
    at: row.at,
    atMs: Number(row.at_ms),
    channel: row.channel as ConsentChannel,
  };
}

function toEvent(row: Omit<Selectable<ConsentEventTable>, 'recorded_at'>): StoredConsentEvent {
  return {
    ...toScanned(row),
    key: row.event_key,
    reference: row.reference ?? undefined,
    logIndex: row.log_index === null ? undefined : Number(row.log_index),
  };
}
